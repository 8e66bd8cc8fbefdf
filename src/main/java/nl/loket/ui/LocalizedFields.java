package nl.loket.ui;

import java.text.DateFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Vaadin's date, time and upload components in the user's language: their own texts (month and day names, "Today",
 * "Cancel", "Drop file here", their validation messages) are English unless given. Every view creates these
 * components here (an architecture test holds it to that), so none is left in English on a Dutch page. Month and
 * day names come from Java's locale data, the rest from the message bundles ({@code vaadin.*}). Weeks start on Monday,
 * as in the Netherlands, in both languages.
 */
public final class LocalizedFields {

    private static final int MONDAY = 1;

    private LocalizedFields() {
    }

    public static DatePicker datePicker() {
        return localize(new DatePicker());
    }

    public static DatePicker datePicker(String label) {
        return localize(new DatePicker(label));
    }

    public static TimePicker timePicker() {
        return localize(new TimePicker());
    }

    public static TimePicker timePicker(String label) {
        return localize(new TimePicker(label));
    }

    public static DateTimePicker dateTimePicker(String label) {
        return localize(new DateTimePicker(label));
    }

    public static Upload upload(UploadHandler handler) {
        return localize(new Upload(handler));
    }

    static DatePicker localize(DatePicker picker) {
        picker.setLocale(locale(picker));
        picker.setI18n(datePickerTexts(picker));
        return picker;
    }

    static TimePicker localize(TimePicker picker) {
        picker.setLocale(locale(picker));
        picker.setI18n(new TimePicker.TimePickerI18n()
                .setBadInputErrorMessage(text(picker, "vaadin.time.bad-input"))
                .setRequiredErrorMessage(text(picker, "vaadin.time.required"))
                .setMinErrorMessage(text(picker, "vaadin.time.min"))
                .setMaxErrorMessage(text(picker, "vaadin.time.max")));
        return picker;
    }

    static DateTimePicker localize(DateTimePicker picker) {
        picker.setLocale(locale(picker));
        DatePicker.DatePickerI18n date = datePickerTexts(picker);
        picker.setDatePickerI18n(date);
        picker.setI18n(new DateTimePicker.DateTimePickerI18n()
                .setDateLabel(text(picker, "vaadin.date-time.date"))
                .setTimeLabel(text(picker, "vaadin.date-time.time"))
                .setBadInputErrorMessage(text(picker, "vaadin.date-time.bad-input"))
                .setIncompleteInputErrorMessage(text(picker, "vaadin.date-time.incomplete"))
                .setRequiredErrorMessage(text(picker, "vaadin.date-time.required"))
                .setMinErrorMessage(text(picker, "vaadin.date-time.min"))
                .setMaxErrorMessage(text(picker, "vaadin.date-time.max")));
        return picker;
    }

    static Upload localize(Upload upload) {
        UploadI18N texts = new UploadI18N();
        texts.setDropFiles(new UploadI18N.DropFiles()
                .setOne(text(upload, "vaadin.upload.drop.one")).setMany(text(upload, "vaadin.upload.drop.many")));
        texts.setAddFiles(new UploadI18N.AddFiles()
                .setOne(text(upload, "vaadin.upload.add.one")).setMany(text(upload, "vaadin.upload.add.many")));
        texts.setError(new UploadI18N.Error()
                .setTooManyFiles(text(upload, "vaadin.upload.error.too-many"))
                .setFileIsTooBig(text(upload, "vaadin.upload.error.too-big"))
                .setIncorrectFileType(text(upload, "vaadin.upload.error.file-type")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(text(upload, "vaadin.upload.status.connecting"))
                        .setStalled(text(upload, "vaadin.upload.status.stalled"))
                        .setProcessing(text(upload, "vaadin.upload.status.processing"))
                        .setHeld(text(upload, "vaadin.upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(text(upload, "vaadin.upload.remaining.prefix"))
                        .setUnknown(text(upload, "vaadin.upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(text(upload, "vaadin.upload.failed.server-unavailable"))
                        .setUnexpectedServerError(text(upload, "vaadin.upload.failed.server-error"))
                        .setForbidden(text(upload, "vaadin.upload.failed.forbidden"))));
        texts.setFile(new UploadI18N.File()
                .setRetry(text(upload, "vaadin.upload.file.retry"))
                .setStart(text(upload, "vaadin.upload.file.start"))
                .setRemove(text(upload, "vaadin.upload.file.remove")));
        texts.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(texts);
        return upload;
    }

    private static DatePicker.DatePickerI18n datePickerTexts(Component component) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale(component));
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                // Java's lists start with an empty entry (Calendar.SUNDAY is 1); Vaadin's start on Sunday
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(MONDAY)
                .setToday(text(component, "vaadin.date.today"))
                .setCancel(text(component, "vaadin.date.cancel"))
                .setBadInputErrorMessage(text(component, "vaadin.date.bad-input"))
                .setRequiredErrorMessage(text(component, "vaadin.date.required"))
                .setMinErrorMessage(text(component, "vaadin.date.min"))
                .setMaxErrorMessage(text(component, "vaadin.date.max"));
    }

    private static String text(Component component, String key) {
        return component.getTranslation(locale(component), key);
    }

    private static Locale locale(Component component) {
        UI ui = UI.getCurrent();
        return ui == null ? Formats.locale(component) : ui.getLocale();
    }
}
