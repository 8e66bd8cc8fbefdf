package nl.loket.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses addresses that are not what they seem ({@code /camunda/app/%2e%2e/api/...}, {@code //camunda},
 * {@code ;jsessionid=}, encoded slashes) with 400 Bad Request and one log line, before any other filter reads them.
 * Spring Security's firewall refuses the same, but only once its own chain runs: the filter in front of that chain
 * that parses the request path throws on an encoded dot segment that Tomcat has already resolved to another
 * servlet, which made a 500 with a stack trace in the log.
 */
class UnsafeAddressFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnsafeAddressFilter.class);

    private final HttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException refused) {
            log.warn("Refused {} {} from {}: {}", request.getMethod(), printable(request.getRequestURI()),
                    request.getRemoteAddr(), refused.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The address as it came, without what could forge log lines. */
    private static String printable(String uri) {
        String shown = uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
