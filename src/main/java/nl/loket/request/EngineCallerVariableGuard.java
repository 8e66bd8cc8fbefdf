package nl.loket.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loket's own variables of a request ({@code requester}, {@code requestId}, {@code approver}) are set by Loket's
 * services only: a call through the engine's REST API or the web apps' engine API (Tasklist, Cockpit) that would
 * set, change or delete one of them is refused with 403 before the engine sees it, whatever the resource (variables
 * of an instance, execution or task, a completion, a form submission, a start, a modification, a message).
 * Loket's checks never trust these variables anyway (four-eyes takes the requester from the request row, the
 * step that takes effect checks the instance against {@code requestId}); this keeps the engine's record of a
 * request from saying otherwise.
 */
class EngineCallerVariableGuard extends OncePerRequestFilter {

    static final Set<String> PROTECTED = Set.of(RequestVariables.REQUESTER.name(), RequestVariables.REQUEST_ID.name(),
            RequestVariables.APPROVER.name());

    /**
     * The largest JSON body taken through these doors: it is read whole to be checked, and one larger is refused
     * (413) rather than let through unchecked. A string variable holds 4,000 characters; a file sent as JSON
     * (base64) up to about 12 MB fits.
     */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(EngineCallerVariableGuard.class);
    private static final Pattern VARIABLE_BY_NAME = Pattern.compile(
            "/(?:variables|localVariables)/(" + String.join("|", PROTECTED) + ")(?:/data)?/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        var byName = VARIABLE_BY_NAME.matcher(request.getRequestURI());
        if (byName.find()) {
            refuse(request, response, byName.group(1));
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getContentLengthLong() > MAX_BODY ? null
                : request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body == null || body.length > MAX_BODY) {
            log.warn("Refused {} {}: a JSON body over {} bytes", request.getMethod(), request.getRequestURI(), MAX_BODY);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Optional<String> named = protectedVariableIn(body);
        if (named.isPresent()) {
            refuse(request, response, named.get());
            return;
        }
        chain.doFilter(new RereadableRequest(request, body), response);
    }

    /**
     * A protected name as a variable in the body: a key whose value is a variable ({@code {"value": …, "type": …}})
     * anywhere in it, or an entry of a {@code deletions} list. A name as a value (a query's {@code "name":
     * "requester"}) is reading, not setting.
     */
    static Optional<String> protectedVariableIn(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty(); // the engine answers malformed JSON itself
        }
        return find(tree);
    }

    private static Optional<String> find(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                Optional<String> found = find(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (PROTECTED.contains(field.getKey()) && field.getValue().isObject()) {
                return Optional.of(field.getKey());
            }
            if ("deletions".equals(field.getKey()) && field.getValue().isArray()) {
                for (JsonNode deleted : field.getValue()) {
                    if (deleted.isTextual() && PROTECTED.contains(deleted.asText())) {
                        return Optional.of(deleted.asText());
                    }
                }
            }
            Optional<String> found = find(field.getValue());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String variable)
            throws IOException {
        String who = request.getUserPrincipal() == null ? "someone" : request.getUserPrincipal().getName();
        log.warn("Refused {} {} by {}: it would set Loket's own variable '{}'", request.getMethod(),
                request.getRequestURI(), who, variable);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"The variable '" + variable
                + "' is Loket's own: it is set by Loket, not through the engine's API\"}");
    }

    /** The request with its body, already read here, read again by the engine. */
    private static final class RereadableRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        RereadableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
