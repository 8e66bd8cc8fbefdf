package nl.loket.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The compatibility table in docs/adding-a-request-type.md tells the truth: every row it calls supported names a
 * case of the compatibility suite that covers that property, and every component it says is refused at publish is
 * one the parser reports as unsupported.
 */
class FormCompatibilityTableTest {

    private static final Path DOC = Path.of("docs/adding-a-request-type.md");
    private static final Path CASES = Path.of("src/test/resources/form-compat");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    record Row(String component, List<String> properties, String loket, String caseName) {
    }

    @Test
    void every_supported_row_has_a_case_that_covers_it() throws IOException {
        List<Row> supported = rows().stream().filter(row -> row.loket().startsWith("supported")).toList();
        assertThat(supported).hasSizeGreaterThan(20);
        for (Row row : supported) {
            Path file = CASES.resolve(row.caseName() + ".json");
            assertThat(file).as("case for " + row).exists();
            JsonNode spec = new ObjectMapper().readTree(file.toFile());
            Set<String> covers = new HashSet<>();
            spec.path("covers").forEach(c -> covers.add(c.asText()));
            for (String property : row.properties()) {
                assertThat(covers.contains(property) || covers.contains(row.component() + "." + property)
                        || row.component().equals("any field") || row.component().equals("a form"))
                        .as(row.caseName() + " covers " + row.component() + " " + property).isTrue();
            }
            assertThat(spec.path("submissions").size() + spec.path("rendered").size())
                    .as(row.caseName() + " shows something").isPositive();
        }
    }

    @Test
    void every_component_refused_at_publish_is_reported_unsupported_by_the_parser() throws IOException {
        List<Row> refused = rows().stream().filter(row -> row.loket().startsWith("refused at publish")).toList();
        assertThat(refused).isNotEmpty();
        for (Row row : refused) {
            String component = row.component().equals("any other type") ? "somethingNew" : row.component();
            String json = "dynamiclist".equals(component)
                    ? "{\"components\":[{\"type\":\"dynamiclist\",\"components\":[]}]}"
                    : "{\"components\":[{\"type\":\"" + component + "\",\"key\":\"x\"}]}";
            assertThat(new FormSchemaParser().parse(json).unsupported()).as(row.toString()).isNotEmpty();
        }
    }

    private static List<Row> rows() throws IOException {
        String doc = Files.readString(DOC);
        String table = doc.substring(doc.indexOf("### Compatibility table"));
        List<Row> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| component") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String component = strip(cells[1]);
            List<String> properties = new ArrayList<>();
            Matcher matcher = CODE.matcher(cells[2]);
            while (matcher.find()) {
                properties.add(matcher.group(1));
            }
            rows.add(new Row(component, properties, cells[3].strip(), cells[4].strip()));
        }
        return rows;
    }

    private static String strip(String cell) {
        return cell.strip().replace("`", "").split(",")[0].strip();
    }
}
