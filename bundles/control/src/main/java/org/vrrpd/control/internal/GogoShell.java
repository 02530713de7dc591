package org.vrrpd.control.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Commands through the Gogo runtime, as in the Felix distribution. */
@Component(service = CommandShell.class)
public class GogoShell implements CommandShell {
    @Reference
    private CommandProcessor processor;

    @Override
    public void run(String line, PrintStream out) throws Exception {
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(line);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        }
    }
}
