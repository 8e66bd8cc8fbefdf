package nl.loket.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a feelers template into text, inserts ({@code {{expression}}}) and sections ({@code {{#if c}}…{{/if}}},
 * {@code {{#loop l}}…{{/loop}}}), following the tokens of feelers' grammar
 * (packages/lezer-feelers/lib/feelers.grammar and tokens.js). Never fails: what it cannot read it keeps as text or
 * closes at the end, and says so in {@link Parsed#problems()}.
 */
final class FeelTemplateParser {

    sealed interface Part permits Text, Insert, Section {
    }

    record Text(String text) implements Part {
    }

    record Insert(String expression) implements Part {
    }

    /** {@code newlineAfterClose}: the close tag was followed by a newline, which feelers swallows. */
    record Section(Kind kind, String expression, List<Part> parts, boolean newlineAfterClose) implements Part {
    }

    enum Kind {
        IF("{{#if ", "{{/if}}"), LOOP("{{#loop ", "{{/loop}}");

        // feelers' open tags need the space: "{{#if}}" is an insert of the (failing) FEEL expression "#if"
        final String open;
        final String close;

        Kind(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }

    record Parsed(List<Part> parts, List<String> problems) {
    }

    private FeelTemplateParser() {
    }

    static Parsed parse(String template) {
        return new Reader(template).read();
    }

    private static final class Reader {

        private final String template;
        private final List<Part> root = new ArrayList<>();
        private final Deque<OpenSection> open = new ArrayDeque<>();
        private final List<String> problems = new ArrayList<>();
        private int at;

        Reader(String template) {
            this.template = template;
        }

        Parsed read() {
            while (at < template.length()) {
                int tag = template.indexOf("{{", at);
                if (tag < 0) {
                    addText(template.substring(at));
                    break;
                }
                addText(template.substring(at, tag));
                readTag(tag);
            }
            closeWhatIsStillOpen();
            return new Parsed(root, problems);
        }

        private void readTag(int tag) {
            Kind closing = tagAt(tag, true);
            if (closing != null) {
                close(closing, tag);
                return;
            }
            int end = template.indexOf("}}", tag + 2);
            if (end < 0) {
                problems.add("'{{' at " + tag + " is never closed; kept as text");
                addText(template.substring(tag));
                at = template.length();
                return;
            }
            Kind opening = tagAt(tag, false);
            at = end + 2;
            if (opening != null) {
                String expression = template.substring(tag + opening.open.length(), end);
                skipNewline(); // feelers' "}}\n" after an open tag
                open.push(new OpenSection(opening, expression, tag));
            } else {
                String expression = template.substring(tag + 2, end);
                // feelers allows "{{= expression}}" as well as "{{expression}}", and "{{}}" as an empty insert
                expression = expression.startsWith("=") ? expression.substring(1) : expression;
                if (!expression.isEmpty()) {
                    add(new Insert(expression));
                }
            }
        }

        private Kind tagAt(int tag, boolean close) {
            for (Kind kind : Kind.values()) {
                if (template.startsWith(close ? kind.close : kind.open, tag)) {
                    return kind;
                }
            }
            return null;
        }

        private void close(Kind closing, int tag) {
            at = tag + closing.close.length();
            if (open.isEmpty()) {
                problems.add("'" + closing.close + "' at " + tag + " closes nothing; kept as text");
                addText(closing.close);
                return;
            }
            OpenSection section = open.pop();
            if (section.kind != closing) {
                problems.add("'" + closing.close + "' at " + tag + " closes '" + section.kind.open.strip() + "' at "
                        + section.position);
            }
            add(section.close(skipNewline()));
        }

        private boolean skipNewline() {
            if (at < template.length() && template.charAt(at) == '\n') {
                at++;
                return true;
            }
            return false;
        }

        private void closeWhatIsStillOpen() {
            while (!open.isEmpty()) {
                OpenSection section = open.pop();
                problems.add("'" + section.kind.open.strip() + "' at " + section.position
                        + " is never closed; closed at the end");
                add(section.close(false));
            }
        }

        private void addText(String text) {
            if (!text.isEmpty()) {
                add(new Text(text));
            }
        }

        private void add(Part part) {
            (open.isEmpty() ? root : open.peek().parts).add(part);
        }
    }

    private record OpenSection(Kind kind, String expression, int position, List<Part> parts) {

        OpenSection(Kind kind, String expression, int position) {
            this(kind, expression, position, new ArrayList<>());
        }

        Section close(boolean newlineAfterClose) {
            return new Section(kind, expression, List.copyOf(parts), newlineAfterClose);
        }
    }
}
