package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import nl.loket.workflow.ProcessVariables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/decisions/environment-approval.dmn (hit policy COLLECT) on the standalone DMN engine: one row per rule,
 * plus the boundaries and the combinations where several rules hit.
 */
class EnvironmentApprovalDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    record Row(String why, String stage, boolean productionData, boolean overBudget, double overrunPercent,
               List<String> approvals) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("development within budget is approved by the rules", "development", false, false, 0, List.of()),
                new Row("test within budget is approved by the rules", "test", false, false, 0, List.of()),
                new Row("production-like data needs the privacy owner", "test", true, false, 0, List.of("privacy-owner")),
                new Row("acceptance needs the tenant owner", "acceptance", false, false, 0, List.of("tenant-owner")),
                new Row("production-like needs the tenant owner", "production-like", false, false, 0,
                        List.of("tenant-owner")),
                new Row("a little over budget needs the tenant owner", "development", false, true, 4.5,
                        List.of("tenant-owner")),
                new Row("exactly 10% over still goes to the tenant owner", "test", false, true, 10.0,
                        List.of("tenant-owner")),
                new Row("just over 10% is refused", "test", false, true, 10.01, List.of("refuse")),
                new Row("data and over budget: privacy owner, then tenant owner", "test", true, true, 2.0,
                        List.of("privacy-owner", "tenant-owner")),
                new Row("acceptance over budget asks the tenant owner once", "acceptance", false, true, 2.0,
                        List.of("tenant-owner")),
                new Row("data far over budget is refused (and the privacy rule still shows)", "development", true, true,
                        50.0, List.of("refuse", "privacy-owner")));
    }

    @BeforeAll
    static void parse() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = EnvironmentApprovalDecisionTest.class.getClassLoader()
                .getResourceAsStream("processes/decisions/environment-approval.dmn")) {
            decision = dmn.parseDecision(EnvironmentProcess.APPROVAL_DECISION, model);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void the_table_names_who_must_approve(Row row) {
        List<Object> approvals = dmn.evaluateDecisionTable(decision, ProcessVariables.create()
                        .with(EnvironmentProcess.STAGE, row.stage())
                        .with(EnvironmentProcess.PRODUCTION_DATA, row.productionData())
                        .with(EnvironmentProcess.OVER_BUDGET, row.overBudget())
                        .with(EnvironmentProcess.OVERRUN_PERCENT, row.overrunPercent())
                        .asMap())
                .collectEntries("approval");
        assertThat(approvals).containsExactlyElementsOf(row.approvals());
    }
}
