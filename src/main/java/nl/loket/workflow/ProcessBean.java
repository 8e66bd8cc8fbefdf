package nl.loket.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that process models may call by expression ({@code ${escalationPolicy.reminderAt(execution)}}).
 * Delegates and listeners (beans implementing {@code JavaDelegate}, {@code ExecutionListener} or {@code TaskListener})
 * are visible to models without it; every other bean is not (see docs/publishing-security.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessBean {
}
