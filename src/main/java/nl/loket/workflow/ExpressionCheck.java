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
 * Allowed: a published bean, and any member (method or property) of it; a process variable; {@code execution}
 * and {@code task} as a value (an argument) and a few read-only members of them; Camunda's and Spin's functions;
 * literals and operators. After that, only the harmless members of a value ({@code approvals.contains('refuse')},
 * {@code address.prop("city").stringValue()}). Refused: {@code class}/{@code getClass}/the engine's services
 * anywhere, a chain on a literal or a parenthesis ({@code 'x'.getClass()}), and every other member.
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
    /**
     * Members of a value (a process variable, what a published bean returns): a string, number, list or map, and
     * Spin's JSON and XML nodes as Loket stores lists and objects (adding-a-request-type.md, Types).
     */
    private static final Set<String> VALUE_MEMBERS = Set.of("contains", "containsKey", "isEmpty", "empty",
            "size", "length", "equals", "startsWith", "endsWith", "toLowerCase", "toUpperCase", "trim", "get",
            "prop", "hasProp", "elements", "fieldNames", "stringValue", "numberValue", "boolValue", "value",
            "isString", "isNumber", "isBoolean", "isNull", "isValue", "isArray", "isObject", "indexOf",
            "attr", "hasAttr", "childElement", "childElements", "textContent", "name");
    /** Camunda's functions, and Spin's ({@code S(json).prop('a')}). */
    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups",
            "S", "JSON", "XML");

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
        if (node instanceof AstMethod || node instanceof AstProperty) {
            chain(node, text, problems);
        } else if (node instanceof AstIdentifier identifier) {
            bean(identifier.getName(), problems);
        } else if (node instanceof AstFunction function) {
            function(function, text, problems);
        } else {
            children(node, text, problems);
        }
    }

    /**
     * {@code root.a(...).b[...]}: the members from the root on, each allowed by what the root is; the arguments and
     * indexes are expressions of their own.
     */
    private void chain(Node node, String text, List<Problem> problems) {
        List<String> members = new ArrayList<>();
        Node current = node;
        while (current instanceof AstMethod || current instanceof AstProperty) {
            if (current instanceof AstMethod method) {
                node(method.getChild(1), text, problems);
                current = method.getChild(0);
            } else {
                AstProperty property = (AstProperty) current;
                members.add(0, memberName(property, text, problems));
                current = property.getChild(0);
            }
        }
        if (members.stream().anyMatch(member -> member == null || NEVER.contains(member))) {
            problems.add(new Problem(Kind.EXPRESSION, text));
        } else if (current instanceof AstFunction function) {
            function(function, text, problems);
            allowed(members, 0, VALUE_MEMBERS, text, problems);
        } else if (current instanceof AstIdentifier root) {
            root(root.getName(), members, text, problems);
        } else {
            problems.add(new Problem(Kind.EXPRESSION, text));
        }
    }

    private void root(String name, List<String> members, String text, List<Problem> problems) {
        if (beans.published(name)) {
            allowed(members, 1, VALUE_MEMBERS, text, problems);
        } else if (beans.isBean(name)) {
            problems.add(new Problem(Kind.UNPUBLISHED_BEAN, name));
        } else if (ENGINE_OBJECTS.contains(name)) {
            if (!ENGINE_MEMBERS.contains(members.get(0))) {
                problems.add(new Problem(Kind.EXPRESSION, text));
            } else {
                allowed(members, 1, VALUE_MEMBERS, text, problems);
            }
        } else {
            allowed(members, 0, VALUE_MEMBERS, text, problems);
        }
    }

    /** The members from {@code from} on must all be in {@code allowed}. */
    private static void allowed(List<String> members, int from, Set<String> allowed, String text,
                                List<Problem> problems) {
        if (!allowed.containsAll(members.subList(Math.min(from, members.size()), members.size()))) {
            problems.add(new Problem(Kind.EXPRESSION, text));
        }
    }

    private void function(AstFunction function, String text, List<Problem> problems) {
        if (!FUNCTIONS.contains(function.getName())) {
            problems.add(new Problem(Kind.EXPRESSION, text));
        }
        children(function, text, problems);
    }

    private void children(Node node, String text, List<Problem> problems) {
        for (int i = 0; i < node.getCardinality(); i++) {
            node(node.getChild(i), text, problems);
        }
    }

    /** The member's name: a number index reads as {@code get}; any other index is an expression of its own (null). */
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
