package nl.loket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import com.vaadin.flow.router.Route;

/**
 * A new page cannot slip past the accessibility check: every {@code @Route} class of Loket must be one of the pages
 * that {@link AccessibilityBrowserIT} opens (without a browser, so it fails fast where Chromium is missing too).
 */
class AccessibilityCoverageTest {

    @Test
    void every_route_is_checked_by_the_accessibility_browser_test() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routes = scanner.findCandidateComponents("nl.loket").stream()
                .map(definition -> definition.getBeanClassName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> checked = AccessibilityBrowserIT.PAGES.stream().map(page -> page.view().getName())
                .collect(Collectors.toSet());

        assertThat(routes).as("the routes found").hasSizeGreaterThan(15);
        assertThat(routes).as("routes missing from AccessibilityBrowserIT.PAGES").allSatisfy(route ->
                assertThat(checked).as(route).contains(route));
    }
}
