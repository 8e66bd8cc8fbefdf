package nl.loket.ui;

import java.util.List;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/**
 * On a phone (up to {@value #NARROW_PX} px wide) a grid keeps only the columns a person needs to recognise a row and
 * act on it; the others come back when the window is wider. A grid with many columns can give up some earlier too
 * ({@link #hideBelow}), so that its columns keep fitting their content instead of cutting it off; and a grid can
 * have a compact column for phones only ({@link #onlyOnPhones}) that stacks what the wide columns show side by side.
 * Decided by the browser's width when the view attaches and on every resize; while the width is unknown (as in
 * tests without a browser) the grid shows its wide columns.
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
        follow(grid, width -> columns.forEach(column -> column.setVisible(wide(width, widthPx))));
    }

    /** Shows these columns only while the window is narrow: stand-ins for the columns hidden then. */
    public static void onlyOnPhones(Grid<?> grid, List<? extends Grid.Column<?>> columns) {
        columns.forEach(column -> column.setVisible(false));
        follow(grid, width -> columns.forEach(column -> column.setVisible(!wide(width, NARROW_PX))));
    }

    private static void follow(Grid<?> grid, IntConsumer apply) {
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> apply.accept(details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> apply.accept(e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static boolean wide(int width, int widthPx) {
        return width <= 0 || width > widthPx;
    }
}
