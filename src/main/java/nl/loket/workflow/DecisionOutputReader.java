package nl.loket.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outputs of a process instance's latest evaluation of a decision, as the engine recorded them in its history,
 * read in one statement: four-eyes asks it in every step that carries a request out (docs/performance.md), where the
 * engine's own query takes two statements and maps every column of both tables. Values of the types decision tables
 * give (boolean, integer, long, short, double, string, null) are read from their columns as the engine stores them;
 * any other type is read through the engine's query instead, so nothing is guessed.
 */
@Component
class DecisionOutputReader {

    private static final Object UNREAD = new Object();

    private final JdbcClient jdbc;
    private final HistoryService historyService;
    private final String sql;

    DecisionOutputReader(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.historyService = engine.getHistoryService();
        // the prefix is the engine's configuration (a schema name, say), never input
        String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
        this.sql = """
                select d.ID_ as decision, o.VAR_TYPE_ as type, o.LONG_ as long_value, o.DOUBLE_ as double_value,
                       o.TEXT_ as text_value
                from %1$sACT_HI_DECINST d
                left join %1$sACT_HI_DEC_OUT o on o.DEC_INST_ID_ = d.ID_ and o.VAR_NAME_ = ?
                where d.ID_ = (select latest.ID_ from %1$sACT_HI_DECINST latest
                               where latest.PROC_INST_ID_ = ? and latest.DEC_DEF_KEY_ = ?
                               order by latest.EVAL_TIME_ desc limit 1)
                order by o.RULE_ORDER_, o.ID_""".formatted(prefix == null ? "" : prefix);
    }

    /** Empty when the instance never evaluated the decision (or its history is gone); else the outputs, maybe none. */
    Optional<List<Object>> outputs(String processInstanceId, String decisionKey, String output) {
        List<Stored> rows = jdbc.sql(sql).params(output, processInstanceId, decisionKey)
                .query((rs, i) -> new Stored(rs.getString("decision"), rs.getString("type"),
                        rs.getObject("long_value") == null ? null : rs.getLong("long_value"),
                        rs.getObject("double_value") == null ? null : rs.getDouble("double_value"),
                        rs.getString("text_value")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        for (Stored row : rows) {
            if (row.type() == null) {
                continue; // the decision matched no rule, or gave no output of this name
            }
            Object value = row.value();
            if (value == UNREAD) {
                return Optional.of(engineQuery(row.decision(), output));
            }
            values.add(value);
        }
        return Optional.of(values);
    }

    private List<Object> engineQuery(String decisionInstanceId, String output) {
        return historyService.createHistoricDecisionInstanceQuery().decisionInstanceId(decisionInstanceId)
                .includeOutputs().list().stream()
                .flatMap(decision -> decision.getOutputs().stream())
                .filter(o -> output.equals(o.getVariableName()))
                .map(HistoricDecisionOutputInstance::getValue)
                .toList();
    }

    /** One stored output: its value type's name and the columns the engine's serializers write. */
    private record Stored(String decision, String type, Long longValue, Double doubleValue, String text) {

        /** The value, or {@link #UNREAD} for a type not read here. */
        Object value() {
            if (ValueType.NULL.getName().equals(type)) {
                return null;
            }
            if (ValueType.STRING.getName().equals(type)) {
                return text == null ? UNREAD : text;
            }
            if (ValueType.DOUBLE.getName().equals(type)) {
                return doubleValue == null ? UNREAD : doubleValue;
            }
            if (longValue == null) {
                return UNREAD;
            }
            if (ValueType.BOOLEAN.getName().equals(type)) {
                return longValue == 1L;
            }
            if (ValueType.INTEGER.getName().equals(type)) {
                return longValue.intValue();
            }
            if (ValueType.SHORT.getName().equals(type)) {
                return longValue.shortValue();
            }
            return ValueType.LONG.getName().equals(type) ? longValue : UNREAD;
        }
    }
}
