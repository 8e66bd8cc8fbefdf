package nl.loket.ui;

/**
 * A view that shows what may change elsewhere: on another node, by the job executor, by another user. While it is
 * shown, {@link MainLayout} asks it every {@code loket.ui.refresh-interval} to look again. It rereads something
 * small from the database (a count, a time stamp) and redraws only when that changed, and never while the user is
 * in the middle of something (a selection, a text being typed).
 */
public interface LiveView {

    void refreshIfChanged();
}
