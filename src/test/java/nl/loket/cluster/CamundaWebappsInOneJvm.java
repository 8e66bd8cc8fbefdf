package nl.loket.cluster;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Lets two Loket nodes start at the same moment in one JVM, as {@link TwoNodesClusterIT} does; a real node has a
 * JVM of its own and needs none of this.
 * <p>
 * Camunda's web apps keep their filters' start-up state in static fields of {@link LazyInitRegistration} (a plain
 * {@code HashSet} and the last application context): one node's Tomcat adding its filters while the other node's
 * {@code lazyInitRegistration} bean walks that set failed a node's start now and then. Both steps take one JVM-wide
 * monitor here, so they happen one node at a time; everything else (Flyway, the engine and its schema, the
 * start-up work) still runs at the same moment on both nodes.
 */
final class CamundaWebappsInOneJvm implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The monitor both steps take: the class whose static fields they share. */
    private static final Object WEBAPP_STATICS = LazyInitRegistration.class;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(beanFactory -> {
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
            replace(registry, "lazyInitRegistration", OneAtATimeLazyInitRegistration.class);
            replace(registry, "tomcatServletWebServerFactory", OneAtATimeTomcat.class);
        });
    }

    private static void replace(BeanDefinitionRegistry registry, String name, Class<?> with) {
        if (!registry.containsBeanDefinition(name)) {
            throw new IllegalStateException("No bean " + name + " to replace any more: revisit this class");
        }
        registry.removeBeanDefinition(name);
        BeanDefinition replacement = new RootBeanDefinition(with);
        registry.registerBeanDefinition(name, replacement);
    }

    /** Walks the shared registrations under the monitor. */
    static class OneAtATimeLazyInitRegistration extends LazyInitRegistration {
        @Override
        public void setApplicationContext(ApplicationContext applicationContext) {
            synchronized (WEBAPP_STATICS) {
                super.setApplicationContext(applicationContext);
            }
        }
    }

    /** Builds Tomcat, which creates and initialises Camunda's filters, under the monitor. */
    static class OneAtATimeTomcat extends TomcatServletWebServerFactory {
        @Override
        public WebServer getWebServer(ServletContextInitializer... initializers) {
            synchronized (WEBAPP_STATICS) {
                return super.getWebServer(initializers);
            }
        }
    }
}
