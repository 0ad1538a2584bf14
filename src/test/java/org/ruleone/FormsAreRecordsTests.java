package org.ruleone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A form is what a person typed, shown back as typed when something needs fixing: a {@code …Form} record in the
 * module's {@code web} package. A controller never binds a domain object (an entity, a draft, a summary) to a form,
 * so a request cannot set a field the screen does not show.
 */
class FormsAreRecordsTests {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ruleone");

    @Test
    void everyFormInAWebPackageIsARecord() {
        classes().that().haveSimpleNameEndingWith("Form").and().resideInAPackage("org.ruleone..web..")
                .should().beAssignableTo(Record.class)
                .because("forms are records: Spring binds them through their constructor and they cannot be "
                        + "changed behind the controller's back")
                .check(CODE);
    }

    @Test
    void handlersBindOnlyFormRecordsAsModelAttributes() {
        methods().that().areMetaAnnotatedWith(RequestMapping.class)
                .should(bindOnlyFormRecords())
                .because("a domain object bound to a request lets the request set any of its fields")
                .check(CODE);
    }

    /**
     * Every parameter marked {@code @ModelAttribute}, and every parameter of the application's own type without an
     * annotation (which Spring binds as a model attribute too), is a {@code …Form} record of a {@code web} package.
     */
    private static ArchCondition<JavaMethod> bindOnlyFormRecords() {
        return new ArchCondition<>("bind only …Form records of a web package as model attributes") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    JavaClass type = parameter.getRawType();
                    boolean bound = parameter.isAnnotatedWith(ModelAttribute.class)
                            || (parameter.getAnnotations().isEmpty() && type.getPackageName().startsWith("org.ruleone")
                                && !type.isEnum());
                    if (bound && !FORM_RECORD.test(type)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " binds "
                                + type.getName() + " as a model attribute; bind a …Form record of its web package"));
                    }
                }
            }
        };
    }

    private static final DescribedPredicate<JavaClass> FORM_RECORD = DescribedPredicate.describe("a …Form record",
            type -> type.getSimpleName().endsWith("Form") && type.getPackageName().contains(".web")
                    && type.isAssignableTo(Record.class));
}
