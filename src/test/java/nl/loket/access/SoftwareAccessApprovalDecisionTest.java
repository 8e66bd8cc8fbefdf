package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.ADMIN_RIGHTS;
import static nl.loket.access.SoftwareAccessProcess.APPROVAL_DECISION;
import static nl.loket.access.SoftwareAccessProcess.APPROVAL_REQUIRED;
import static nl.loket.access.SoftwareAccessProcess.LICENCE_COST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.loket.workflow.ProcessVariables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/decisions/software-access-approval.dmn, evaluated by the standalone DMN engine: one row per rule of the
 * table plus the boundaries around it. Each row also names the rule it must hit, so a changed table shows which rule
 * moved.
 */
class SoftwareAccessApprovalDecisionTest {

    private static final String DMN_RESOURCE = "processes/decisions/software-access-approval.dmn";

    /** A row of this test: the inputs, the expected outcome and the table rule that must produce it. */
    record Row(String why, Boolean adminRights, Double licenceCost, boolean approvalRequired, String rule) {
        @Override
        public String toString() {
            return why + " (adminRights=" + adminRights + ", licenceCost=" + licenceCost + ") -> approvalRequired="
                    + approvalRequired + " by " + rule;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // one row per rule of the table
                new Row("admin rights always need approval", true, 49.99, true, "Rule_AdminRights"),
                new Row("a paid licence needs approval", false, 49.99, true, "Rule_PaidLicence"),
                new Row("free software is granted at once", false, 0.0, false, "Rule_FreeSoftware"),
                // boundaries
                new Row("the smallest paid licence needs approval", false, 0.01, true, "Rule_PaidLicence"),
                new Row("admin rights on free software need approval", true, 0.0, true, "Rule_AdminRights"),
                new Row("admin rights on the smallest paid licence need approval", true, 0.01, true, "Rule_AdminRights"),
                // anything the table does not foresee is safe: it needs approval
                new Row("an unknown licence cost needs approval", false, null, true, "Rule_AnythingElse"),
                new Row("unknown admin rights need approval", null, 0.0, true, "Rule_AnythingElse"));
    }

    private static DmnEngine dmnEngine;
    private static final List<String> matchedRules = new ArrayList<>();
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        DmnDecisionTableEvaluationListener recordMatches = event -> event.getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId)
                .forEach(matchedRules::add);
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
                .buildEngine();
        try (InputStream dmn = resource()) {
            decision = dmnEngine.parseDecision(APPROVAL_DECISION, dmn);
        }
    }

    @BeforeEach
    void forgetMatches() {
        matchedRules.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides_whether_approval_is_required(Row row) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision, ProcessVariables.create()
                .with(ADMIN_RIGHTS, row.adminRights())
                .with(LICENCE_COST, row.licenceCost())
                .asMap());

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<Boolean>getEntry(APPROVAL_REQUIRED.name())).as(APPROVAL_REQUIRED.name()).isEqualTo(row.approvalRequired());
        assertThat(matchedRules).as("rules hit").containsExactly(row.rule());
    }

    @Test
    void every_rule_of_the_table_has_a_row_in_this_test() throws IOException {
        Set<String> rulesInTable;
        try (InputStream dmn = resource()) {
            rulesInTable = Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream()
                    .map(Rule::getId)
                    .collect(Collectors.toSet());
        }
        Set<String> rulesInTest = rows().map(Row::rule).collect(Collectors.toSet());

        assertThat(rulesInTable).isNotEmpty();
        assertThat(rulesInTest).containsExactlyInAnyOrderElementsOf(rulesInTable);
    }

    private static InputStream resource() {
        InputStream stream = SoftwareAccessApprovalDecisionTest.class.getClassLoader().getResourceAsStream(DMN_RESOURCE);
        assertThat(stream).as(DMN_RESOURCE + " on the classpath").isNotNull();
        return stream;
    }
}
