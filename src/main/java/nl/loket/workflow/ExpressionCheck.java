package nl.loket.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.loket.workflow.CodeFinding.Kind;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a JUEL expression the way the engine parses it and says where it reaches beyond Loket's published beans.
 * Allowed: a published bean, and a member (method or property) of it; a process variable, and a few harmless
 * members of it ({@code approvals.contains('refuse')}); {@code execution} and {@code task} as a value (an argument)
 * and a few read-only members; Camunda's functions {@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}; literals and operators. Refused: anything called on the result of a call or property
 * ({@code a.b().c}, {@code 'x'.getClass()}), {@code class}/{@code getClass} anywhere, and every other member.
 */
final class ExpressionCheck {

    /** Members that lead to reflection or to the engine itself, on whatever they are called. */
    private static final Set<String> NEVER = Set.of("class", "getClass", "forName", "classLoader", "getClassLoader",
            "processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
            "processEngineConfiguration", "getProcessEngineConfiguration");
    /** The engine's own objects that the engine puts into every expression (VariableScopeElResolver). */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask",
            "variableScope");
    /** Read-only members of the engine's objects. */
    private static final Set<String> ENGINE_MEMBERS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal", "id", "getId", "processInstanceId", "getProcessInstanceId", "processBusinessKey",
            "getProcessBusinessKey", "businessKey", "getBusinessKey", "currentActivityId", "getCurrentActivityId",
            "eventName", "getEventName", "assignee", "getAssignee", "name", "getName", "taskDefinitionKey",
            "getTaskDefinitionKey", "tenantId", "getTenantId");
    /** Members of a process variable's value (a string, number, list or map). */
    private static final Set<String> VARIABLE_MEMBERS = Set.of("contains", "containsKey", "isEmpty", "empty",
            "size", "length", "equals", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "get");
    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** One thing wrong with an expression. */
    record Problem(Kind kind, String detail) {
    }

    private final ProcessBeans beans;
    private final Builder builder = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    ExpressionCheck(ProcessBeans beans) {
        this.beans = beans;
    }

    /** Text with one or more {@code ${...}} or {@code #{...}} in it. */
    List<Problem> check(String text) {
        List<Problem> problems = new ArrayList<>();
        try {
            node(builder.build(text).getRoot(), text, problems);
        } catch (TreeBuilderException e) {
            problems.add(new Problem(Kind.EXPRESSION, text + " (does not parse)"));
        }
        return problems;
    }

    private void node(Node node, String text, List<Problem> problems) {
        if (node instanceof AstMethod method) {
            member((AstProperty) method.getChild(0), text, problems);
            node(method.getChild(1), text, problems);
        } else if (node instanceof AstProperty property) {
            member(property, text, problems);
        } else if (node instanceof AstIdentifier identifier) {
            bean(identifier.getName(), problems);
        } else if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            problems.add(new Problem(Kind.EXPRESSION, text));
        } else {
            for (int i = 0; i < node.getCardinality(); i++) {
                node(node.getChild(i), text, problems);
            }
        }
    }

    /** {@code base.member} or {@code base[member]}, called or read. */
    private void member(AstProperty property, String text, List<Problem> problems) {
        String member = memberName(property, text, problems);
        if (!(property.getChild(0) instanceof AstIdentifier base)) {
            problems.add(new Problem(Kind.EXPRESSION, text));
            return;
        }
        String name = base.getName();
        if (member == null || NEVER.contains(member)) {
            problems.add(new Problem(Kind.EXPRESSION, text));
        } else if (beans.published(name)) {
            return;
        } else if (beans.isBean(name)) {
            problems.add(new Problem(Kind.UNPUBLISHED_BEAN, name));
        } else if (!(ENGINE_OBJECTS.contains(name) ? ENGINE_MEMBERS : VARIABLE_MEMBERS).contains(member)) {
            problems.add(new Problem(Kind.EXPRESSION, text));
        }
    }

    /** The member's name; for {@code [...]} only a literal, else null (an index is allowed on variables). */
    private String memberName(AstProperty property, String text, List<Problem> problems) {
        if (property instanceof AstDot dot) {
            String printed = dot.toString();
            return printed.startsWith(". ") ? printed.substring(2) : printed;
        }
        if (property instanceof AstBracket bracket) {
            Node key = bracket.getChild(1);
            if (key instanceof AstNumber) {
                return "get";
            }
            if (key instanceof AstString string) {
                return String.valueOf(string.eval(null, null));
            }
            node(key, text, problems);
        }
        return null;
    }

    private void bean(String name, List<Problem> problems) {
        if (beans.isBean(name) && !beans.published(name)) {
            problems.add(new Problem(Kind.UNPUBLISHED_BEAN, name));
        }
    }
}
