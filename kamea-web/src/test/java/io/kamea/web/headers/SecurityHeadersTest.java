package io.kamea.web.headers;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void everyAnswerGetsTheHeadersAndOnlySwaggerUiMayUseInlineStyles() throws Exception {
        for (String path : new String[] {"/api/devices", "/", "/js/app.js", "/api-docs/index.html"}) {
            HttpServletRequest request = mock(HttpServletRequest.class);
            HttpServletResponse response = mock(HttpServletResponse.class);
            FilterChain chain = mock(FilterChain.class);
            when(request.getContextPath()).thenReturn("");
            when(request.getRequestURI()).thenReturn(path);

            new SecurityHeaders().doFilter(request, response, chain);

            verify(response).setHeader("Content-Security-Policy",
                    path.startsWith("/api-docs/") ? SecurityHeaders.SWAGGER_UI_POLICY : SecurityHeaders.POLICY);
            verify(response).setHeader("X-Content-Type-Options", "nosniff");
            verify(response).setHeader("Referrer-Policy", "no-referrer");
            verify(chain).doFilter(request, response);
        }
    }
}
