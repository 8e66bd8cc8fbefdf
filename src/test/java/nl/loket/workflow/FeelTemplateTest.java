package nl.loket.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Expected outputs are those of feelers 3.1 (bpmn-io/feelers) with form-js' options for a text (debug, not strict),
 * except that a failing expression inserts nothing instead of form-js' " {{⚠}} ". "interpreter.js" below is
 * packages/feelers/lib/interpreter.js, "feelers.grammar" packages/lezer-feelers/lib/feelers.grammar, "feelin" is
 * bpmn-io/feelin's src/builtins.ts (string(), which feelers calls on every insert).
 */
class FeelTemplateTest {

    private final FeelTemplate template = new FeelTemplate();

    private String render(String text, Map<String, Object> variables) {
        return template.render(text, variables);
    }

    private static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    // --- not a template

    @Test
    void a_text_without_tags_is_returned_as_it_is() {
        String text = "Hello World\nsingle { and } and }} and {x}";
        assertThat(render(text, vars())).isSameAs(text);
    }

    @Test
    void an_expression_is_left_to_the_feel_evaluator() {
        // feelers.grammar: a template starting with "=" is one FEEL expression, which FeelEvaluator.text handles
        assertThat(render("=1 + 1 {{x}}", vars("x", 1))).isEqualTo("=1 + 1 {{x}}");
    }

    @Test
    void braces_that_do_not_close_on_the_same_line_are_not_a_template() {
        // form-js FeelersTemplating.isTemplate: /{{.*?}}/
        assertThat(render("Hello {{name\n}}", vars("name", "Dave"))).isEqualTo("Hello {{name\n}}");
        assertThat(render("Hello {{name", vars("name", "Dave"))).isEqualTo("Hello {{name");
    }

    @Test
    void no_template_and_no_variables_give_no_error() {
        assertThat(render(null, vars())).isNull();
        assertThat(render("Hello {{name}}!", null)).isEqualTo("Hello !");
    }

    // --- inserts

    @Test
    void an_insert_is_replaced_by_the_value_of_its_expression() {
        assertThat(render("Hello {{user}}, you are {{ if age >= 18 then \"an adult\" else \"a child\" }}.",
                vars("user", "Dave", "age", 24))).isEqualTo("Hello Dave, you are an adult.");
    }

    @Test
    void an_insert_may_start_with_an_equals_sign() {
        // feelers.grammar: Insert { "{{" "="? FeelBlock "}}" }
        assertThat(render("Hello {{= 1 + 1}} World {{1+1}}", vars())).isEqualTo("Hello 2 World 2");
    }

    @Test
    void an_empty_insert_gives_nothing() {
        // feelers.grammar: EmptyInsert { "{{" "="? "}}" }
        assertThat(render("a{{}}b{{=}}c", vars())).isEqualTo("abc");
    }

    @Test
    void a_missing_variable_inserts_nothing() {
        assertThat(render("Hello {{user.name}}!", vars())).isEqualTo("Hello !");
    }

    @Test
    void a_failing_expression_inserts_nothing() {
        // interpreter.js hands the failure to form-js' buildDebugString (" {{⚠}} "); here it is left out and logged
        assertThat(render("[{{ 1 + }}]", vars())).isEqualTo("[]");
    }

    @Test
    void an_expression_ends_at_the_first_closing_braces() {
        // tokens.js, feelBlock: FEEL runs up to the first "}}", so a nested context literal cuts it short
        assertThat(render("{{ {a:1}.a }}|{{{a:1}.a}}", vars())).isEqualTo("1|1");
        assertThat(render("[{{ {a:{b:2}} }}]", vars())).isEqualTo("[ }}]");
    }

    @Test
    void an_inserted_value_is_text_and_not_a_template() {
        assertThat(render("v={{v}}", vars("v", "{{x}} {{#if true}}y{{/if}}", "x", "X")))
                .isEqualTo("v={{x}} {{#if true}}y{{/if}}");
    }

    @Test
    void numbers_are_written_as_javascript_writes_them() {
        // feelin toString: String(number); so 2.0 is "2" and 1/3 has 16 decimals
        assertThat(render("{{a}} {{b}} {{c}} {{d}} {{e}} {{10 / 4}} {{1/3}} {{2/3}} {{-2.50}} {{1000000}}",
                vars("a", 2.0, "b", 2.5, "c", 7, "d", 5L, "e", new BigDecimal("2.50"))))
                .isEqualTo("2 2.5 7 5 2.5 2.5 0.3333333333333333 0.6666666666666666 -2.5 1000000");
    }

    @Test
    void very_large_and_very_small_numbers_get_an_exponent() {
        assertThat(render("{{10 ** 21}} {{0.0000001}} {{0.000001}}", vars())).isEqualTo("1e+21 1e-7 0.000001");
    }

    @Test
    void decimals_are_computed_as_feel_decimals() {
        // the one place we differ on purpose: feelin's JavaScript numbers give "0.30000000000000004"
        assertThat(render("{{0.1 + 0.2}}", vars())).isEqualTo("0.3");
    }

    @Test
    void booleans_are_written_as_true_and_false() {
        assertThat(render("{{ok}}/{{not(ok)}}", vars("ok", true))).isEqualTo("true/false");
    }

    @Test
    void lists_are_written_with_quoted_strings_and_null() {
        // feelin toString: "[" + items joined by ", " + "]", strings quoted with " and \ escaped
        assertThat(render("Hobbies: {{xs}} {{[]}}", vars("xs", Arrays.asList("a", "b\"c", 1, null, true))))
                .isEqualTo("Hobbies: [\"a\", \"b\\\"c\", 1, null, true] []");
    }

    @Test
    void contexts_are_written_with_bare_keys_unless_a_key_needs_quotes() {
        // feelin toKeyString: a key with a non-word character is quoted
        assertThat(render("{{person}} {{ {} }}", vars("person", vars("first name", "Ada", "age", 36))))
                .isEqualTo("{\"first name\": \"Ada\", age: 36} {}");
        assertThat(render("{{ {a: {b: [1] } } }}", vars())).isEqualTo("{a: {b: [1]}}");
    }

    @Test
    void dates_and_durations_are_written_in_iso_8601() {
        assertThat(render("{{date(\"2024-01-02\")}} {{duration(\"P1D\")}} {{d}}", vars("d", "2024-01-02")))
                .isEqualTo("2024-01-02 P1D 2024-01-02");
    }

    // --- conditional sections

    @Test
    void a_section_shows_only_when_its_condition_holds() {
        assertThat(render("Hello {{#if count(users) > 1}}all {{/if}}{{#if false}}nobody {{/if}}World",
                vars("users", List.of("Bob", "Dave")))).isEqualTo("Hello all World");
    }

    @Test
    void a_condition_counts_as_javascript_truthiness() {
        // interpreter.js, ConditionalSpanner, not strict: `if (shouldRender)` on the FEEL value
        assertThat(render("[{{#if 0}}zero{{/if}}|{{#if \"\"}}empty{{/if}}|{{#if []}}list{{/if}}"
                + "|{{#if \"false\"}}text{{/if}}|{{#if null}}null{{/if}}|{{#if missing}}missing{{/if}}"
                + "|{{#if {} }}context{{/if}}|{{#if 1}}one{{/if}}]", vars()))
                .isEqualTo("[||list|text|||context|one]");
    }

    @Test
    void a_failing_condition_hides_its_section() {
        assertThat(render("a{{#if 1 + }}b{{/if}}c", vars())).isEqualTo("ac");
    }

    @Test
    void sections_nest() {
        String text = "Hello {{#if pho}}{{#if ramen}}Delicious & Umami {{/if}}Soup {{/if}}World";
        assertThat(render(text, vars("pho", true, "ramen", true))).isEqualTo("Hello Delicious & Umami Soup World");
        assertThat(render(text, vars("pho", true, "ramen", false))).isEqualTo("Hello Soup World");
        assertThat(render(text, vars("pho", false, "ramen", true))).isEqualTo("Hello World");
    }

    @Test
    void a_section_on_lines_of_its_own_leaves_no_empty_lines() {
        // feelers.grammar: the newline after "}}" of an open tag and after a close tag belongs to the tag;
        // interpreter.js gives one back after a shown section that did not end with one
        String text = "Hello\n{{#if pho}}\nDelicious\n{{/if}}\n{{#if ramen}}\nUmami\n{{/if}}\nWorld";
        assertThat(render(text, vars("pho", true, "ramen", false))).isEqualTo("Hello\nDelicious\nWorld");
        assertThat(render("{{#if true}}Hello{{/if}}\n{{#if true}}Newline{{/if}}", vars())).isEqualTo("Hello\nNewline");
    }

    @Test
    void a_hidden_section_takes_the_newline_after_its_close_tag_along() {
        assertThat(render("a {{#if false}}x{{/if}}\nb", vars())).isEqualTo("a b");
    }

    @Test
    void else_is_not_part_of_feelers() {
        // feelers.grammar has no else: "{{else}}" is an insert of a FEEL expression that fails
        String text = "{{#if ok}}yes{{else}}no{{/if}}";
        assertThat(render(text, vars("ok", true))).isEqualTo("yesno");
        assertThat(render(text, vars("ok", false))).isEqualTo("");
    }

    // --- loops

    @Test
    void a_loop_repeats_its_part_with_this_as_the_item() {
        String text = "{{user}}'s hobbies are:\n{{#loop hobbies}}\n- {{this}}\n{{/loop}}\nThe end";
        assertThat(render(text, vars("user", "Dave", "hobbies", List.of("surfing", "coding"))))
                .isEqualTo("Dave's hobbies are:\n- surfing\n- coding\nThe end");
    }

    @Test
    void the_fields_of_an_item_can_be_used_directly_or_through_this() {
        // interpreter.js enhanceContext: { this, parent, ...item, _this_, _parent_ }
        assertThat(render("{{#loop people}}{{name}} ({{this.age}}); {{/loop}}", vars("people", List.of(
                vars("name", "Bob", "age", 20), vars("name", "Eve", "age", 9)))))
                .isEqualTo("Bob (20); Eve (9); ");
    }

    @Test
    void variables_outside_a_loop_are_reached_through_parent() {
        // enhanceContext builds the item's context from the item alone: "prefix" is not in it, "parent.prefix" is
        assertThat(render("{{#loop items}}[{{prefix}}|{{parent.prefix}}|{{_parent_.prefix}}|{{this}}]{{/loop}}",
                vars("items", List.of("1", "2"), "prefix", "$"))).isEqualTo("[|$|$|1][|$|$|2]");
    }

    @Test
    void an_item_field_named_this_or_parent_wins_but_not_over_the_underscored_names() {
        // enhanceContext spreads the item after this and parent, and before _this_ and _parent_
        Map<String, Object> item = vars("this", "T", "parent", vars("prefix", "own"));
        assertThat(render("{{#loop items}}{{this}}|{{parent.prefix}}|{{_parent_.prefix}}|{{_this_.this}}{{/loop}}",
                vars("items", List.of(item), "prefix", "root"))).isEqualTo("T|own|root|T");
    }

    @Test
    void loops_nest_and_parent_climbs_one_loop_at_a_time() {
        String text = "{{#loop groups}}{{#loop members}}{{parent.parent.p}}{{parent.name}}{{this}};{{/loop}}{{/loop}}";
        assertThat(render(text, vars("p", "P", "groups", List.of(
                vars("name", "a", "members", List.of(1, 2)), vars("name", "b", "members", List.of(3))))))
                .isEqualTo("Pa1;Pa2;Pb3;");
    }

    @Test
    void a_loop_runs_over_lists_inside_lists() {
        assertThat(render("{{#loop [[1, 2], [3]]}}({{#loop this}}{{this}}{{/loop}}){{/loop}}", vars()))
                .isEqualTo("(12)(3)");
    }

    @Test
    void users_with_their_hobbies_from_the_feelers_docs() {
        // docs/LANGUAGE.md, "Loops"
        String text = "{{#loop users}}\n{{name}}'s hobbies:\n{{#loop hobbies}}\n- {{this}}\n{{/loop}}\n{{/loop}}\n";
        assertThat(render(text, vars("users", List.of(
                vars("name", "Bob", "hobbies", List.of("building", "wearing hardhats")),
                vars("name", "Dave", "hobbies", List.of("surfing", "coding"))))))
                .isEqualTo("Bob's hobbies:\n- building\n- wearing hardhats\nDave's hobbies:\n- surfing\n- coding\n");
    }

    @Test
    void sections_and_loops_nest_in_each_other() {
        assertThat(render("{{#if show}}{{#loop xs}}{{#if this > 1}}{{this}}{{/if}}{{/loop}}{{/if}}",
                vars("show", true, "xs", List.of(1, 2, 3)))).isEqualTo("23");
    }

    @Test
    void a_close_tag_on_its_line_end_inside_a_loop_follows_the_newline_rule_per_item() {
        // interpreter.js: the hidden section of Eve takes the "\n" after "{{/if}}" along
        assertThat(render("{{#loop xs}}{{name}}{{#if age >= 18}} adult{{/if}}\n{{/loop}}", vars("xs", List.of(
                vars("name", "Bob", "age", 20), vars("name", "Eve", "age", 9))))).isEqualTo("Bob adult\nEve");
    }

    @Test
    void null_items_insert_nothing() {
        assertThat(render("Hello {{#loop items}}{{this}}{{/loop}} World",
                vars("items", Arrays.asList(null, "a", null)))).isEqualTo("Hello a World");
    }

    @Test
    void a_loop_over_one_value_runs_once_and_over_nothing_not_at_all() {
        // interpreter.js, LoopSpanner, not strict: null is [], anything else that is not a list is [value]
        assertThat(render("{{#loop s}}<{{this}}>{{/loop}}|{{#loop m}}<{{k}}>{{/loop}}|{{#loop n}}<x>{{/loop}}",
                vars("s", "one", "m", vars("k", "v"), "n", null))).isEqualTo("<one>|<v>|");
    }

    @Test
    void an_empty_loop_on_lines_of_its_own_leaves_one_empty_line() {
        // interpreter.js gives the newline after "{{/loop}}" back because the (empty) loop did not end with one
        assertThat(render("a\n{{#loop xs}}\n- {{this}}\n{{/loop}}\nb", vars("xs", List.of()))).isEqualTo("a\n\nb");
    }

    @Test
    void this_outside_a_loop_is_all_variables() {
        assertThat(render("{{this.a}}|{{parent}}", vars("a", 1))).isEqualTo("1|");
    }

    // --- malformed templates

    @Test
    void a_section_that_is_never_closed_ends_with_the_text() {
        // as feelers' parser recovers: "Hello {{#if x}}hi" gives "Hello hi" when x holds
        assertThat(render("Hello {{#if x}}hi", vars("x", true))).isEqualTo("Hello hi");
        assertThat(render("Hello {{#if x}}hi", vars("x", false))).isEqualTo("Hello ");
        assertThat(render("{{#loop xs}}{{this}}", vars("xs", List.of(1, 2)))).isEqualTo("12");
    }

    @Test
    void a_close_tag_of_the_other_kind_closes_the_open_section() {
        // as feelers: "{{#if x}}a{{/loop}}b" gives "ab"
        assertThat(render("{{#if x}}a{{/loop}}b", vars("x", true))).isEqualTo("ab");
    }

    @Test
    void a_close_tag_that_closes_nothing_stays_as_written() {
        // feelers' recovery would give "yes {/loop}} end"
        assertThat(render("{{#if true}}yes{{/if}} {{/loop}} end", vars())).isEqualTo("yes {{/loop}} end");
    }

    @Test
    void braces_that_are_never_closed_stay_as_written() {
        // feelers would evaluate "total" up to the end of the text
        assertThat(render("Hi {{name}}, {{total", vars("name", "Ada", "total", 3))).isEqualTo("Hi Ada, {{total");
        assertThat(render("{{x}} {{#if x", vars("x", 1))).isEqualTo("1 {{#if x");
    }

    @Test
    void an_open_tag_without_its_space_is_an_insert_that_fails() {
        // feelers.grammar: conditionalSpannerOpen is "{{#if " with the space
        assertThat(render("{{#if}}a{{/if}}", vars())).isEqualTo("a{{/if}}");
    }

    @Test
    void variables_may_come_in_a_map_that_cannot_hold_null() {
        // the helpers parent and _parent_ are null at the top; they live in a map of their own
        assertThat(render("{{name}}{{#loop [1]}}{{parent.name}}{{/loop}}", Map.of("name", "Ada"))).isEqualTo("AdaAda");
    }
}
