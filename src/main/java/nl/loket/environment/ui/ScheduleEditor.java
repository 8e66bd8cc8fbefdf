package nl.loket.environment.ui;

import nl.loket.ui.LocalizedFields;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import nl.loket.environment.Schedule;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.timepicker.TimePicker;

/** Chooses a schedule: always on, office hours (Mon–Fri 07:00–19:00, Amsterdam), or chosen days and hours. */
class ScheduleEditor extends VerticalLayout {

    enum Kind { OFFICE_HOURS, ALWAYS_ON, CUSTOM }

    final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>();
    final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
    final TimePicker from = LocalizedFields.timePicker();
    final TimePicker until = LocalizedFields.timePicker();
    private final HorizontalLayout custom;

    ScheduleEditor(Runnable onChange) {
        setPadding(false);
        setSpacing(false);
        kind.setLabel(getTranslation("environment.schedule"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("environment.schedule." + k.name()));
        kind.setValue(Kind.OFFICE_HOURS);
        kind.setId("schedule-kind");
        days.setLabel(getTranslation("environment.schedule.days"));
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> EnvironmentTexts.day(d, getLocale()));
        days.setValue(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        days.setId("schedule-days");
        from.setLabel(getTranslation("environment.schedule.from"));
        from.setValue(LocalTime.of(7, 0));
        from.setStep(java.time.Duration.ofMinutes(30));
        from.setId("schedule-from");
        until.setLabel(getTranslation("environment.schedule.until"));
        until.setValue(LocalTime.of(19, 0));
        until.setStep(java.time.Duration.ofMinutes(30));
        until.setHelperText(getTranslation("environment.schedule.until.help"));
        until.setId("schedule-until");
        custom = new HorizontalLayout(from, until);
        VerticalLayout customBlock = new VerticalLayout(days, custom);
        customBlock.setPadding(false);
        customBlock.setVisible(false);
        kind.addValueChangeListener(e -> {
            customBlock.setVisible(e.getValue() == Kind.CUSTOM);
            onChange.run();
        });
        days.addValueChangeListener(e -> onChange.run());
        from.addValueChangeListener(e -> onChange.run());
        until.addValueChangeListener(e -> onChange.run());
        add(kind, customBlock);
    }

    /** The chosen schedule, or null while a custom one is incomplete (no day, or the day ends before it starts). */
    Schedule value() {
        Kind chosen = kind.getValue() == null ? Kind.OFFICE_HOURS : kind.getValue();
        return switch (chosen) {
            case ALWAYS_ON -> Schedule.alwaysOn();
            case OFFICE_HOURS -> Schedule.officeHours();
            case CUSTOM -> {
                Set<DayOfWeek> chosenDays = days.getValue();
                LocalTime start = from.getValue();
                LocalTime end = until.getValue();
                boolean valid = start != null && end != null && !chosenDays.isEmpty()
                        && (end.isAfter(start) || end.equals(LocalTime.MIDNIGHT));
                yield valid ? new Schedule(chosenDays, start, end, Schedule.AMSTERDAM) : null;
            }
        };
    }

    void setValue(Schedule schedule) {
        if (schedule.isAlwaysOn()) {
            kind.setValue(Kind.ALWAYS_ON);
        } else if (schedule.equals(Schedule.officeHours())) {
            kind.setValue(Kind.OFFICE_HOURS);
        } else {
            kind.setValue(Kind.CUSTOM);
            days.setValue(schedule.days());
            from.setValue(schedule.from());
            until.setValue(schedule.until());
        }
    }
}
