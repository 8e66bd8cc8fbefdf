package nl.loket.request;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link EngineCallerVariableGuard} on the two doors to the engine from outside Loket, after Spring Security. */
@Configuration(proxyBeanMethods = false)
class EngineCallerVariableGuardConfig {

    @Bean
    FilterRegistrationBean<EngineCallerVariableGuard> engineCallerVariableGuard() {
        var registration = new FilterRegistrationBean<>(new EngineCallerVariableGuard());
        registration.setName("loket-engine-caller-variable-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }
}
