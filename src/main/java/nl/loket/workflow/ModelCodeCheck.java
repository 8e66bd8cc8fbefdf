package nl.loket.workflow;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import nl.loket.workflow.CodeFinding.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Finds code in a BPMN, DMN or CMMN file: script tasks and scripts, Java classes, and expressions that reach beyond
 * Loket's published beans ({@link ProcessBeans}, {@link ExpressionCheck}). A process admin publishes models, not
 * code; unless {@code loket.publishing.allow-code} is on, a deployment with any of these is refused, through every
 * door (see {@link ModelCodeGuardPlugin} and docs/publishing-security.md). Reads every element and attribute, so
 * that no element type the engine knows is missed; documentation and annotations are not evaluated and not read.
 */
@Component
public class ModelCodeCheck {

    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_CMMN = "http://camunda.org/schema/1.0/cmmn";
    private static final Set<String> MODEL_ENDINGS = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".cmmn",
            ".cmmn11.xml", ".cmmn10.xml");
    private static final Set<String> DECISION_ENDINGS = Set.of(".dmn", ".dmn11.xml");
    /** Attributes that name a class for the engine to load. */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "textAnnotation");

    private final boolean allowCode;
    private final ProcessBeans beans;
    private final ExpressionCheck expressions;

    @Autowired
    ModelCodeCheck(ApplicationContext context, @Value("${loket.publishing.allow-code:false}") boolean allowCode) {
        this(new ProcessBeans(context), allowCode);
    }

    ModelCodeCheck(ProcessBeans beans, boolean allowCode) {
        this.allowCode = allowCode;
        this.beans = beans;
        this.expressions = new ExpressionCheck(beans);
    }

    /** Whether models may carry code ({@code loket.publishing.allow-code}); off unless an operator turns it on. */
    public boolean allowsCode() {
        return allowCode;
    }

    /** The beans that expressions may name. */
    ProcessBeans beans() {
        return beans;
    }

    /** What a deployment of this file would be refused for; nothing if code is allowed or the file is no model. */
    public List<CodeFinding> refusals(String resource, byte[] content) {
        return allowCode ? List.of() : findings(resource, content);
    }

    /** The code in a file, whether allowed or not. */
    List<CodeFinding> findings(String resource, byte[] content) {
        String lower = resource.toLowerCase(Locale.ROOT);
        if (MODEL_ENDINGS.stream().noneMatch(lower::endsWith)) {
            return List.of();
        }
        Element root;
        try {
            root = parse(content);
        } catch (Exception e) {
            return List.of(new CodeFinding(resource, resource, Kind.UNREADABLE, String.valueOf(e.getMessage())));
        }
        boolean decision = DECISION_ENDINGS.stream().anyMatch(lower::endsWith);
        List<CodeFinding> findings = new ArrayList<>();
        new Walk(resource, decision, findings).element(root, resource);
        return findings;
    }

    private static Element parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
    }

    /** One file's walk through its elements. */
    private final class Walk {

        private final String resource;
        private final boolean decision;
        private final List<CodeFinding> findings;

        Walk(String resource, boolean decision, List<CodeFinding> findings) {
            this.resource = resource;
            this.decision = decision;
            this.findings = findings;
        }

        void element(Element element, String enclosingId) {
            String name = element.getLocalName();
            if (NOT_EVALUATED.contains(name)) {
                return;
            }
            String id = element.hasAttribute("id") ? element.getAttribute("id") : enclosingId;
            boolean camunda = isCamunda(element.getNamespaceURI());
            boolean script = "scriptTask".equals(name) || (camunda && "script".equals(name));
            if (script) {
                add(id, Kind.SCRIPT, firstNonEmpty(element.getAttribute("scriptFormat"), name));
            }
            if (camunda && "constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
                add(id, Kind.JAVA_CLASS, element.getAttribute("config"));
            }
            attributes(element, id, camunda, script);
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element childElement) {
                    element(childElement, id);
                } else if (!script && (child.getNodeType() == Node.TEXT_NODE
                        || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
                    expression(id, child.getNodeValue());
                }
            }
        }

        private void attributes(Element element, String id, boolean camundaElement, boolean script) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                boolean camundaAttribute = isCamunda(attribute.getNamespaceURI())
                        || (attribute.getNamespaceURI() == null && camundaElement);
                if (camundaAttribute && CLASS_ATTRIBUTES.contains(name)) {
                    add(id, Kind.JAVA_CLASS, attribute.getValue());
                } else if (decision && "expressionLanguage".equals(name) && !isFeel(attribute.getValue())) {
                    add(id, Kind.EXPRESSION_LANGUAGE, attribute.getValue());
                } else if (!decision && ("language".equals(name) || "scriptFormat".equals(name))
                        && !attribute.getValue().isBlank()) {
                    if (!script) {
                        add(id, Kind.SCRIPT, attribute.getValue());
                    }
                } else if (attribute.getNamespaceURI() == null || camundaAttribute) {
                    expression(id, attribute.getValue());
                }
            }
        }

        private void expression(String id, String text) {
            if (decision || text == null || !(text.contains("${") || text.contains("#{"))) {
                return;
            }
            expressions.check(text.strip()).forEach(problem -> add(id, problem.kind(), problem.detail()));
        }

        private void add(String id, Kind kind, String detail) {
            findings.add(new CodeFinding(resource, id, kind, detail));
        }
    }

    private static boolean isCamunda(String namespace) {
        return CAMUNDA_BPMN.equals(namespace) || CAMUNDA_CMMN.equals(namespace);
    }

    /** FEEL, by name or by the URIs of DMN 1.1 to 1.3; Camunda's default when no language is given. */
    private static boolean isFeel(String language) {
        return language.isBlank() || language.toLowerCase(Locale.ROOT).contains("feel");
    }

    private static String firstNonEmpty(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
