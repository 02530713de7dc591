package com.example.vrrp.plugin;

import org.osgi.service.component.annotations.Component;
import org.vrrpd.api.spi.CheckStatus;
import org.vrrpd.api.spi.Checker;
import org.vrrpd.api.spi.CheckerContext;

/** A third party's checker: lowers every instance by 7 while its bundle runs. */
@Component(property = {Checker.INSTANCE + "=*", Checker.NAME + "=example-checker"})
public class ConstantWeight implements Checker {
    @Override
    public void start(CheckerContext context) {
        context.report(new CheckStatus(-7, false, "third-party weight"));
    }

    @Override
    public void stop(CheckerContext context) {
        // nothing runs on our side
    }
}
