package nl.loket.workflow;

import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * Loket's published beans: the Spring beans a process model may name in an expression. These are the delegates and
 * listeners, and the beans marked {@link ProcessBean}. The names are read from the bean definitions the first time
 * they are needed, so the engine can be built before the beans themselves.
 */
final class ProcessBeans {

    private static final Set<Class<?>> DELEGATE_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class,
            TaskListener.class);

    private final ApplicationContext context;
    private volatile Set<String> names;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    boolean published(String name) {
        return names().contains(name);
    }

    /** Whether the name is a Spring bean at all (published or not): an expression naming it means the bean. */
    boolean isBean(String name) {
        return context.containsBean(name);
    }

    Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = new TreeSet<>();
            for (Class<?> type : DELEGATE_TYPES) {
                known.addAll(Set.of(context.getBeanNamesForType(type, false, false)));
            }
            known.addAll(Set.of(context.getBeanNamesForAnnotation(ProcessBean.class)));
            names = known = Set.copyOf(known);
        }
        return known;
    }

    /**
     * The published beans as the map the engine's expression manager resolves names in: a name that is not
     * published is not found here, and the expression reads a process variable of that name instead.
     */
    AbstractMap<Object, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && published(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names().stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(
                        name, context.getBean(name))).collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
