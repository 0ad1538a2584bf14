package org.ruleone.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page's layout needs. */
@ControllerAdvice
class LayoutAdvice {

    /** The page's own path, so the language picker can bring the person back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI();
        return query == null || query.contains("lang=") ? path : path + "?" + query;
    }
}
