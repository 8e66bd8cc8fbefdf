package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import nl.loket.support.LoketIntegrationTest;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every {@code ${bean}} a model in processes/ names exists in the running application, with the right type. */
@LoketIntegrationTest
class ProcessBeansIT {

    @Autowired ApplicationContext context;

    @Test
    void every_delegate_expression_names_a_delegate_or_listener_bean() throws Exception {
        Set<String> names = ProcessModels.delegateExpressionBeanNames();
        assertThat(names).isNotEmpty();
        assertThat(names).allSatisfy(name -> {
            assertThat(context.containsBean(name)).as("bean '%s'", name).isTrue();
            assertThat(context.getBean(name)).as("bean '%s'", name)
                    .isInstanceOfAny(JavaDelegate.class, TaskListener.class, ExecutionListener.class);
        });
    }
}
