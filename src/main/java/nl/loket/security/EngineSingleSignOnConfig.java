package nl.loket.security;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own authentication filters, placed after Spring Security's filter chain so they see the user that
 * Spring Security authenticated (see {@link SpringSecurityEngineAuthenticationProvider}).
 */
@Configuration(proxyBeanMethods = false)
class EngineSingleSignOnConfig {

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;
    private static final Map<String, String> PROVIDER = Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            SpringSecurityEngineAuthenticationProvider.class.getName());

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("loket-camunda-webapp-sso");
        registration.setInitParameters(PROVIDER);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("loket-engine-rest-auth");
        registration.setInitParameters(PROVIDER);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
