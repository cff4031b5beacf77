package io.kamea.web.headers;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
            when(request.isSecure()).thenReturn(true);

            new SecurityHeaders().doFilter(request, response, chain);

            verify(response).setHeader("Content-Security-Policy",
                    path.startsWith("/api-docs/") ? SecurityHeaders.SWAGGER_UI_POLICY : SecurityHeaders.POLICY);
            verify(response).setHeader("X-Content-Type-Options", "nosniff");
            verify(response).setHeader("Referrer-Policy", "no-referrer");
            verify(response).setHeader("Strict-Transport-Security", "max-age=31536000");
            verify(chain).doFilter(request, response);
        }
    }

    @Test
    void noHstsOverPlainHttp() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(request.getContextPath()).thenReturn("");
        when(request.getRequestURI()).thenReturn("/api/devices");
        when(request.isSecure()).thenReturn(false);

        new SecurityHeaders().doFilter(request, response, mock(FilterChain.class));

        verify(response, never()).setHeader(eq("Strict-Transport-Security"), anyString());
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
    }
}
