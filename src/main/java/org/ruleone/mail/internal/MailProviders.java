package org.ruleone.mail.internal;

/**
 * Names Jakarta Mail's and Jakarta Activation's providers (Angus) by system property, once, so that they are not
 * looked up on the class path again and again. Jakarta Mail 2.1 finds its {@code StreamProvider} anew for every body
 * part and multipart it makes, and without the property each lookup lists {@code META-INF/services} in every jar of
 * the application: in the packaged application that was about half of the CPU a sent mail took (ADR 0123). With the
 * property it loads the named class directly. A property set by whoever runs the application is kept.
 */
public final class MailProviders {

    private static final String[][] PROVIDERS = {
            {"jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"},
            {"jakarta.activation.spi.MimeTypeRegistryProvider", "org.eclipse.angus.activation.MimeTypeRegistryProviderImpl"},
            {"jakarta.activation.spi.MailcapRegistryProvider", "org.eclipse.angus.activation.MailcapRegistryProviderImpl"},
    };

    private MailProviders() {
    }

    /** Sets each property that is not set yet, to the provider on the class path. */
    public static void pin() {
        for (String[] provider : PROVIDERS) {
            if (System.getProperty(provider[0]) != null) {
                continue;
            }
            try {
                Class.forName(provider[1], false, MailProviders.class.getClassLoader());
                System.setProperty(provider[0], provider[1]);
            } catch (ClassNotFoundException | LinkageError absent) {
                // another implementation: left to the class-path lookup
            }
        }
    }
}
