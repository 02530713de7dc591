package org.vrrpd.control.internal;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Commands through Karaf's shell. Karaf also registers its Gogo processor, but the commands it
 * wraps need a Karaf session, so in Karaf this shell outranks {@link GogoShell}. Outside Karaf the
 * SessionFactory service never appears and this class is never loaded (its package import is optional).
 */
@Component(service = CommandShell.class, property = "service.ranking:Integer=100")
public class KarafShell implements CommandShell {
    @Reference
    private SessionFactory sessions;

    @Override
    public void run(String line, PrintStream out) throws Exception {
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(line);
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
    }
}
