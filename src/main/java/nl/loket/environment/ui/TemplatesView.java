package nl.loket.environment.ui;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.loket.environment.EnvironmentTemplate;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;
import nl.loket.environment.TemplateCatalog;
import nl.loket.request.InvalidRequestException;
import nl.loket.security.Roles;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Admins keep the environment templates: what each is made of, its stages, sizes with their credit factors, and
 * the provider that makes it. A change applies to new orders; existing environments keep what they were made with.
 */
@Route(value = "admin/templates", layout = MainLayout.class)
@Menu(title = "nav.templates", order = 11, icon = "vaadin:cubes")
@RolesAllowed(Roles.PROCESS_ADMIN)
public class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<EnvironmentTemplate> grid = new Grid<>(EnvironmentTemplate.class, false);
    private final TemplateCatalog templates;

    public TemplatesView(TemplateCatalog templates) {
        this.templates = templates;
        addClassName("loket-page");
        Button add = new Button(getTranslation("templates.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-template");
        HorizontalLayout title = new HorizontalLayout(new PageHeading(getTranslation("nav.templates")), add);
        title.setWidthFull();
        title.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph intro = new Paragraph(getTranslation("templates.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        grid.addColumn(t -> t.name(getLocale())).setHeader(getTranslation("templates.name")).setFlexGrow(2);
        grid.addColumn(t -> String.join(", ", t.components())).setHeader(getTranslation("templates.components"))
                .setFlexGrow(3);
        grid.addColumn(t -> t.stages().stream().sorted().map(s -> EnvironmentTexts.stage(this, s))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("environment.stage")).setFlexGrow(2);
        grid.addColumn(t -> Arrays.stream(Size.values()).filter(t::offers)
                .map(s -> EnvironmentTexts.size(this, s) + " × " + EnvironmentTexts.number(t.sizeFactors().get(s), 2, getLocale()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("environment.size")).setFlexGrow(2);
        grid.addColumn(EnvironmentTemplate::provider).setHeader(getTranslation("templates.provider")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.active() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("templates.active")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setId("templates");
        add(title, intro, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(templates.all());
    }

    void edit(EnvironmentTemplate existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "templates.new" : "templates.edit"));
        dialog.setWidth("40rem");
        TextField code = new TextField(getTranslation("templates.code"));
        code.setId("template-code");
        TextField nameEn = new TextField(getTranslation("templates.name-en"));
        nameEn.setId("template-name-en");
        TextField nameNl = new TextField(getTranslation("templates.name-nl"));
        nameNl.setId("template-name-nl");
        TextArea descriptionEn = new TextArea(getTranslation("templates.description-en"));
        TextArea descriptionNl = new TextArea(getTranslation("templates.description-nl"));
        TextArea components = new TextArea(getTranslation("templates.components"));
        components.setHelperText(getTranslation("templates.components.help"));
        components.setId("template-components");
        CheckboxGroup<Stage> stages = new CheckboxGroup<>(getTranslation("environment.stage"));
        stages.setItems(Stage.values());
        stages.setItemLabelGenerator(s -> EnvironmentTexts.stage(this, s));
        stages.setId("template-stages");
        Map<Size, BigDecimalField> factors = new EnumMap<>(Size.class);
        HorizontalLayout sizes = new HorizontalLayout();
        for (Size size : Size.values()) {
            BigDecimalField factor = new BigDecimalField(EnvironmentTexts.size(this, size));
            factor.setHelperText(getTranslation("templates.factor.help"));
            factor.setId("template-factor-" + size.name().toLowerCase());
            factors.put(size, factor);
            sizes.add(factor);
        }
        Select<String> provider = new Select<>();
        provider.setLabel(getTranslation("templates.provider"));
        provider.setItems(templates.providerIds());
        provider.setId("template-provider");
        Checkbox active = new Checkbox(getTranslation("templates.active"));
        active.setValue(true);
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            nameEn.setValue(existing.nameEn());
            nameNl.setValue(existing.nameNl());
            descriptionEn.setValue(existing.descriptionEn());
            descriptionNl.setValue(existing.descriptionNl());
            components.setValue(String.join("\n", existing.components()));
            stages.setValue(existing.stages());
            factors.forEach((size, field) -> field.setValue(existing.sizeFactors().get(size)));
            provider.setValue(existing.provider());
            active.setValue(existing.active());
        } else if (!templates.providerIds().isEmpty()) {
            provider.setValue(templates.providerIds().get(0));
        }
        FormLayout form = new FormLayout(code, provider, nameEn, nameNl, descriptionEn, descriptionNl, components,
                stages, sizes, active);
        form.setColspan(components, 2);
        form.setColspan(stages, 2);
        form.setColspan(sizes, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("templates.save"), e -> {
            Map<Size, BigDecimal> chosen = new EnumMap<>(Size.class);
            factors.forEach((size, field) -> chosen.put(size, field.getValue()));
            List<String> parts = Arrays.stream(components.getValue().split("[\\n,]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            EnvironmentTemplate template = new EnvironmentTemplate(code.getValue().strip(), nameEn.getValue(),
                    nameNl.getValue(), descriptionEn.getValue(), descriptionNl.getValue(), parts,
                    stages.getValue().isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages.getValue()),
                    provider.getValue(), chosen, active.getValue());
            try {
                templates.save(template);
                dialog.close();
                refresh();
                Notification.show(getTranslation("templates.saved"), 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidRequestException ex) {
                ex.fieldErrors().forEach((field, key) -> {
                    HasValidation target = switch (field) {
                        case TemplateCatalog.FIELD_CODE -> code;
                        case TemplateCatalog.FIELD_NAME -> nameEn;
                        case TemplateCatalog.FIELD_COMPONENTS -> components;
                        case TemplateCatalog.FIELD_STAGES -> stages;
                        case TemplateCatalog.FIELD_SIZES -> factors.get(Size.SMALL);
                        default -> provider;
                    };
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-template");
        dialog.getFooter().add(new Button(getTranslation("environment.action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.templates") + " · Loket";
    }
}
