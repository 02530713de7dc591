package org.vrrpd.importer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * keepalived.conf's syntax as a tree: a statement is a keyword and its words up to the end of the
 * line, and may open a block with '{'. Comments start with '#' or '!'; double quotes group words;
 * {@code include GLOB} pulls files in (relative to the including file). Every node knows its line.
 */
final class KeepalivedConf {
    record Node(String keyword, List<String> args, List<Node> children, String where) {
        String arg(int i) {
            return i < args.size() ? args.get(i) : null;
        }
    }

    private KeepalivedConf() {
    }

    static List<Node> parse(Path file) throws IOException {
        Node root = new Node("", List.of(), new ArrayList<>(), file.toString());
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        read(file, open, 0);
        if (open.size() != 1) {
            throw new IOException(file + ": " + (open.size() - 1) + " block(s) not closed: " + open.peek().where());
        }
        return root.children();
    }

    private static void read(Path file, Deque<Node> open, int depth) throws IOException {
        if (depth > 8) {
            throw new IOException(file + ": includes nested too deeply");
        }
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String where = file.getFileName() + ":" + (n + 1);
            Node statement = null;
            for (String token : tokens(lines.get(n), where)) {
                switch (token) {
                    case "{" -> {
                        if (statement == null) {
                            throw new IOException(where + ": '{' without a keyword");
                        }
                        open.push(statement);
                        statement = null;
                    }
                    case "}" -> {
                        if (open.size() == 1) {
                            throw new IOException(where + ": '}' without an open block");
                        }
                        open.pop();
                        statement = null;
                    }
                    default -> {
                        if (statement == null) {
                            statement = new Node(token, new ArrayList<>(), new ArrayList<>(), where);
                            if (token.equals("include")) {
                                continue;
                            }
                            open.peek().children().add(statement);
                        } else {
                            statement.args().add(token);
                        }
                    }
                }
            }
            if (statement != null && statement.keyword().equals("include")) {
                include(file, statement, open, depth);
            }
        }
    }

    private static void include(Path from, Node statement, Deque<Node> open, int depth) throws IOException {
        String pattern = statement.arg(0);
        if (pattern == null) {
            throw new IOException(statement.where() + ": include without a file");
        }
        Path p = from.toAbsolutePath().getParent().resolve(pattern);
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(p.getParent(), p.getFileName().toString())) {
            List<Path> sorted = new ArrayList<>();
            matches.forEach(sorted::add);
            sorted.sort(null);
            for (Path match : sorted) {
                read(match, open, depth + 1);
            }
        }
    }

    private static List<String> tokens(String line, String where) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (c == '#' || c == '!') {
                break;
            } else if (c == '{' || c == '}' || Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (!Character.isWhitespace(c)) {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IOException(where + ": unclosed quote");
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
