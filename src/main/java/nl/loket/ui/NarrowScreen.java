package nl.loket.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/**
 * On a phone (up to {@value #NARROW_PX} px wide) a grid keeps only the columns a person needs to recognise a row and
 * act on it; the others come back when the window is wider. A grid with many columns can give up some earlier too
 * ({@link #hideBelow}), so that its columns keep fitting their content instead of cutting it off. Decided by the
 * browser's width when the view attaches and on every resize.
 */
public final class NarrowScreen {

    public static final int NARROW_PX = 600;

    private NarrowScreen() {
    }

    /** Hides these columns of the grid while the window is narrow. */
    public static void hideOnPhones(Grid<?> grid, List<? extends Grid.Column<?>> columns) {
        hideBelow(grid, NARROW_PX, columns);
    }

    /** Hides these columns of the grid while the window is at most {@code widthPx} wide. */
    public static void hideBelow(Grid<?> grid, int widthPx, List<? extends Grid.Column<?>> columns) {
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> show(columns, details.getWindowInnerWidth(), widthPx));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> show(columns, e.getWidth(), widthPx));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void show(List<? extends Grid.Column<?>> columns, int width, int widthPx) {
        boolean wide = width <= 0 || width > widthPx;
        columns.forEach(column -> column.setVisible(wide));
    }
}
