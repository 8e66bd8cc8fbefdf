package nl.loket.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Log out" in Cockpit, Tasklist or Admin logs out of Loket: the web apps share the portal's session, so
 * Camunda's own logout (which forgets only its own authentication) would leave the session open for the portal
 * and for Cockpit's API. The session ends here, as the portal's logout ends it.
 */
class CamundaLogoutFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CamundaLogoutFilter.class);

    private final RequestMatcher camundaLogout;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    CamundaLogoutFilter(RequestMatcher camundaLogout) {
        this.camundaLogout = camundaLogout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!camundaLogout.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!carriesCamundasCsrfToken(request)) {
            // Camunda's web apps send their CSRF token with every change; a page elsewhere cannot read it
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        logout.logout(request, response, who);
        log.info("{} logged out from Camunda's web apps", who == null ? "someone" : who.getName());
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /** The X-XSRF-TOKEN header matches Camunda's XSRF-TOKEN cookie (which only the web apps' own pages can read). */
    private static boolean carriesCamundasCsrfToken(HttpServletRequest request) {
        String header = request.getHeader("X-XSRF-TOKEN");
        if (header == null || header.isBlank() || request.getCookies() == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if ("XSRF-TOKEN".equals(cookie.getName())
                    && java.security.MessageDigest.isEqual(cookie.getValue().getBytes(), header.getBytes())) {
                return true;
            }
        }
        return false;
    }
}
