package nl.loket.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Uploads for the publishing tests: the Modeler-written files in src/test/resources/publish, and small models made
 * here with exactly the form link a test is about.
 */
final class PublishFixtures {

    /** A Camunda Form with an id, for models that need a start form that is not the point of the test. */
    static final String SIMPLE_FORM_ID = "publish-simple-request";
    static final String SIMPLE_FORM = """
            {"id":"publish-simple-request","type":"default","schemaVersion":16,"components":[
              {"type":"textfield","id":"Field_Note","key":"note","label":"Note"}]}""";
    static final String LINK_SIMPLE_FORM =
            "camunda:formRef=\"" + SIMPLE_FORM_ID + "\" camunda:formRefBinding=\"deployment\"";
    static final String IN_CATALOGUE = "<camunda:property name=\"loket:category\" value=\"test\"/>";

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                              targetNamespace="https://loket.nl/test">
              <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D" %2$s>
                <bpmn:extensionElements><camunda:properties>%3$s</camunda:properties></bpmn:extensionElements>
                <bpmn:startEvent id="StartEvent_Requested" %4$s><bpmn:outgoing>Flow_ToTask</bpmn:outgoing>
                </bpmn:startEvent>
                <bpmn:userTask id="UserTask_Handle" camunda:candidateGroups="fulfiller" %5$s>%6$s
                  <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:endEvent id="EndEvent_Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Requested" targetRef="UserTask_Handle"/>
                <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="UserTask_Handle" targetRef="EndEvent_Done"/>
              </bpmn:process>
            </bpmn:definitions>""";

    /**
     * A model with a start event and one user task: by default a catalogue item for employees whose start event
     * links {@link #SIMPLE_FORM} and whose task has no form.
     */
    record TestModel(String key, String starters, String properties, String start, String task, String taskBody) {

        static TestModel of(String key) {
            return new TestModel(key, "camunda:candidateStarterGroups=\"employee\"", IN_CATALOGUE, LINK_SIMPLE_FORM,
                    "", "");
        }

        /** The start event's form attributes. */
        TestModel start(String attributes) {
            return new TestModel(key, starters, properties, attributes, task, taskBody);
        }

        /** The user task's form attributes. */
        TestModel task(String attributes) {
            return new TestModel(key, starters, properties, start, attributes, taskBody);
        }

        /** What goes inside the user task, before its flows (extension elements). */
        TestModel taskBody(String xml) {
            return new TestModel(key, starters, properties, start, task, xml);
        }

        /** The candidate starter attributes of the process. */
        TestModel starters(String attributes) {
            return new TestModel(key, attributes, properties, start, task, taskBody);
        }

        /** The {@code camunda:property} elements of the process. */
        TestModel properties(String xml) {
            return new TestModel(key, starters, xml, start, task, taskBody);
        }

        String xml() {
            return MODEL.formatted(key, starters, properties, start, task, taskBody);
        }

        /** This model as {@code <key>.bpmn} with the simple form, ready to publish. */
        Map<String, byte[]> upload() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(key + ".bpmn", bytes(xml()));
            files.put("simple-request.form", bytes(SIMPLE_FORM));
            return files;
        }
    }

    private PublishFixtures() {
    }

    /** {@link #SIMPLE_FORM} under another id. */
    static byte[] simpleForm(String id) {
        return bytes(SIMPLE_FORM.replace(SIMPLE_FORM_ID, id));
    }

    /** Files from src/test/resources/publish, under their own names. */
    static Map<String, byte[]> files(String... names) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : names) {
            files.put(name, bytes(resource("/publish/" + name)));
        }
        return files;
    }

    static String resource(String path) {
        try (InputStream in = PublishFixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = PublishFixtures.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
