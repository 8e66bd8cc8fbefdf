package nl.loket.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Three filter chains: the engine's REST API (HTTP Basic, process admins only), actuator (health public,
 * the rest admin-only) and everything else: the Vaadin portal with its login view, and Camunda's web apps for
 * process admins, sharing one session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    // Path matchers, not MVC matchers: these paths are served by Camunda's own servlets, not Spring MVC.
    static final RequestMatcher ENGINE_REST = path("/engine-rest/**");
    static final RequestMatcher CAMUNDA_WEBAPPS = path("/camunda/**");
    static final RequestMatcher ACTUATOR = path("/actuator/**");
    static final RequestMatcher HEALTH = path("/actuator/health/**");
    static final String LOGIN_VIEW = "/login";
    static final RequestMatcher PUBLIC_STYLES = path("/styles/**");
    /** Cockpit's, Tasklist's and Admin's "Log out": ends the portal session too (it is the same session). */
    static final RequestMatcher CAMUNDA_LOGOUT = PathPatternRequestMatcher.withDefaults()
            .matcher(org.springframework.http.HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout");

    /**
     * The portal's Content-Security-Policy: the strictest Vaadin works under (its client runs server-sent
     * JavaScript through Function, hence 'unsafe-eval'; its bootstrap page and components set inline scripts and
     * styles). Camunda's web apps send a policy of their own (with a nonce), so this one is not added there.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** In front of every other filter: see {@link UnsafeAddressFilter}. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<UnsafeAddressFilter> unsafeAddressFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new UnsafeAddressFilter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        return statelessBasicAuth(http.securityMatcher(ENGINE_REST))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Roles.PROCESS_ADMIN))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        return statelessBasicAuth(http.securityMatcher(ACTUATOR))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HEALTH).permitAll()
                        .anyRequest().hasRole(Roles.PROCESS_ADMIN))
                .build();
    }

    /**
     * Headers on every portal response (Spring Security already sends X-Content-Type-Options, X-Frame-Options,
     * Cache-Control, and HSTS over TLS): the Content-Security-Policy outside Camunda's web apps, a Referrer-Policy
     * that keeps request and task addresses inside the portal.
     */
    private static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
                        new org.springframework.security.web.util.matcher.NegatedRequestMatcher(CAMUNDA_WEBAPPS),
                        new org.springframework.security.web.header.writers.StaticHeadersWriter(
                                "Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }

    /** For machine clients: HTTP Basic on every call, no session, hence no CSRF token to protect. */
    private static HttpSecurity statelessBasicAuth(HttpSecurity http) throws Exception {
        return http.httpBasic(withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /** The login form's post: checked for Spring's CSRF token like every other portal post. */
    static final RequestMatcher LOGIN_POST = PathPatternRequestMatcher.withDefaults()
            .matcher(org.springframework.http.HttpMethod.POST, LOGIN_VIEW);

    /** A refused login post goes back to the login page, which says why; any other refused post is a 403. */
    private static AccessDeniedHandler staleLoginBackToLoginPage() {
        var handlers = new java.util.LinkedHashMap<RequestMatcher, AccessDeniedHandler>();
        handlers.put(LOGIN_POST, (request, response, denied) ->
                response.sendRedirect(request.getContextPath() + LOGIN_VIEW + "?expired"));
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }

    @Bean
    @Order(3)
    SecurityFilterChain portalChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(PUBLIC_STYLES).permitAll()
                .requestMatchers(CAMUNDA_WEBAPPS).hasRole(Roles.PROCESS_ADMIN));
        // Camunda's web apps bring their own CSRF protection (X-XSRF-TOKEN), Vaadin's client its own (a token in
        // every server round trip). Vaadin would also exempt the login form's post; it is not exempt here: the page
        // carries Spring's token (meta tags that Vaadin's login form sends along), so no other site can log a
        // browser into an account of its choosing. A form whose token went stale (its session ended) goes back to
        // the login page with a sentence saying so, not to a bare 403.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(CAMUNDA_WEBAPPS, vaadinRequests::isFrameworkInternalRequest)
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <F extends CsrfFilter> F postProcess(F filter) {
                        filter.setAccessDeniedHandler(staleLoginBackToLoginPage());
                        return filter;
                    }
                }));
        securityHeaders(http);
        http.addFilterBefore(new CamundaLogoutFilter(CAMUNDA_LOGOUT),
                org.springframework.security.web.authentication.logout.LogoutFilter.class);
        // by path, so that security does not depend on the UI package
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_VIEW)
                .enableCsrfConfiguration(false));
        return http.build();
    }
}
