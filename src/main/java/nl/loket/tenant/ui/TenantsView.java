package nl.loket.tenant.ui;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.loket.request.InvalidRequestException;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** Admins keep the tenants: name, owner, privacy owner, yearly credit budget and members. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@Menu(title = "nav.tenants", order = 11.5, icon = "vaadin:building-o")
@RolesAllowed(Roles.PROCESS_ADMIN)
public class TenantsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Tenant> grid = new Grid<>(Tenant.class, false);
    private final TenantService tenants;
    private final UserAccountService users;

    public TenantsView(TenantService tenants, UserAccountService users) {
        this.tenants = tenants;
        this.users = users;
        addClassName("loket-page");
        Button add = new Button(getTranslation("tenants.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-tenant");
        HorizontalLayout title = new HorizontalLayout(new PageHeading(getTranslation("nav.tenants")), add);
        title.setWidthFull();
        title.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph intro = new Paragraph(getTranslation("tenants.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        grid.addColumn(Tenant::name).setHeader(getTranslation("tenants.name")).setFlexGrow(2);
        grid.addColumn(t -> users.displayName(t.owner())).setHeader(getTranslation("tenants.owner")).setAutoWidth(true);
        grid.addColumn(t -> t.privacyOwner() == null ? "" : users.displayName(t.privacyOwner()))
                .setHeader(getTranslation("tenants.privacy-owner")).setAutoWidth(true);
        grid.addColumn(t -> tenants.members(t.code()).size()).setHeader(getTranslation("tenants.members"))
                .setAutoWidth(true);
        grid.addColumn(t -> nl.loket.ui.Formats.credits(t.yearlyBudgetCredits(), getLocale())).setHeader(getTranslation("tenants.budget"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setId("tenants");
        add(title, intro, grid);
        grid.setItems(tenants.all());
    }

    void edit(Tenant existing) {
        List<UserAccount> everyone = users.all().stream().sorted(Comparator.comparing(UserAccount::displayName)).toList();
        Map<String, UserAccount> byName = everyone.stream().collect(Collectors.toMap(UserAccount::username, u -> u));
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "tenants.new" : "tenants.edit"));
        dialog.setWidth("36rem");
        TextField code = new TextField(getTranslation("tenants.code"));
        code.setHelperText(getTranslation("tenants.code.help"));
        code.setId("tenant-code");
        TextField name = new TextField(getTranslation("tenants.name"));
        name.setId("tenant-name");
        ComboBox<UserAccount> owner = people("tenants.owner", everyone);
        owner.setId("tenant-owner");
        ComboBox<UserAccount> privacyOwner = people("tenants.privacy-owner", everyone);
        privacyOwner.setClearButtonVisible(true);
        privacyOwner.setId("tenant-privacy-owner");
        BigDecimalField budget = new BigDecimalField(getTranslation("tenants.budget"));
        budget.setHelperText(getTranslation("tenants.budget.help"));
        budget.setId("tenant-budget");
        MultiSelectComboBox<UserAccount> members = new MultiSelectComboBox<>(getTranslation("tenants.members"));
        members.setItems(everyone);
        members.setItemLabelGenerator(UserAccount::displayName);
        members.setId("tenant-members");
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            owner.setValue(byName.get(existing.owner()));
            privacyOwner.setValue(existing.privacyOwner() == null ? null : byName.get(existing.privacyOwner()));
            budget.setValue(existing.yearlyBudgetCredits());
            members.setValue(tenants.members(existing.code()).stream().map(byName::get)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        } else {
            budget.setValue(new BigDecimal("50000"));
        }
        FormLayout form = new FormLayout(code, name, owner, privacyOwner, budget, members);
        form.setColspan(members, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("tenants.save"), e -> {
            Tenant tenant = new Tenant(code.getValue().strip(), name.getValue(),
                    owner.getValue() == null ? null : owner.getValue().username(),
                    privacyOwner.getValue() == null ? null : privacyOwner.getValue().username(), budget.getValue());
            Set<String> chosen = members.getValue().stream().map(UserAccount::username).collect(Collectors.toSet());
            try {
                tenants.save(tenant, chosen);
                dialog.close();
                grid.setItems(tenants.all());
                Notification.show(getTranslation("tenants.saved"), 3000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidRequestException ex) {
                ex.fieldErrors().forEach((field, key) -> {
                    HasValidation target = switch (field) {
                        case TenantService.FIELD_CODE -> code;
                        case TenantService.FIELD_NAME -> name;
                        case TenantService.FIELD_OWNER -> owner;
                        case TenantService.FIELD_PRIVACY_OWNER -> privacyOwner;
                        default -> budget;
                    };
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-tenant");
        dialog.getFooter().add(new Button(getTranslation("environment.action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private ComboBox<UserAccount> people(String labelKey, List<UserAccount> everyone) {
        ComboBox<UserAccount> box = new ComboBox<>(getTranslation(labelKey));
        box.setItems(everyone);
        box.setItemLabelGenerator(UserAccount::displayName);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tenants") + " · Loket";
    }
}
