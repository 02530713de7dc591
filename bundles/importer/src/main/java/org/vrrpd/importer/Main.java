package org.vrrpd.importer;

import java.nio.file.Path;
import java.util.Map;

/**
 * bin/vrrp-import KEEPALIVED_CONF [ETC_DIR]: without ETC_DIR prints the files it would write; with
 * it, writes them there (removing files of an earlier import that the keepalived.conf no longer
 * has). Whatever could not be carried over is listed on stderr with its line.
 * Exit status 0, or 2 when the file cannot be read or parsed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: vrrp-import KEEPALIVED_CONF [ETC_DIR]");
            System.exit(2);
        }
        try {
            Importer.Result result = Importer.convert(Path.of(args[0]));
            if (args.length == 2) {
                Importer.write(result, Path.of(args[1])).forEach(System.out::println);
            } else {
                for (Map.Entry<String, String> f : result.files().entrySet()) {
                    System.out.println("==> " + f.getKey());
                    System.out.print(f.getValue());
                }
            }
            result.notes().forEach(System.err::println);
        } catch (Exception e) {
            System.err.println("vrrp-import: " + e.getMessage());
            System.exit(2);
        }
    }
}
