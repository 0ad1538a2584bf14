import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Prints the decoded text of every message in the INBOX of each mailbox named on the command line, read over IMAP
 * from the GreenMail server of bench/crash/run.sh. Usage: java -cp APP_CLASSPATH MailDump.java IMAP_PORT ADDRESS...
 */
public class MailDump {

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        Session session = Session.getInstance(properties);
        for (int i = 1; i < args.length; i++) {
            Store store = session.getStore("imap");
            store.connect("127.0.0.1", Integer.parseInt(args[0]), args[i], args[i]);
            Folder inbox = store.getFolder("INBOX");
            if (inbox.exists()) {
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    System.out.println(message.getSubject() + " " + text(message).replace('\n', ' '));
                }
                inbox.close(false);
            }
            store.close();
        }
    }

    static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append(' ');
            }
            return all.toString();
        }
        return "";
    }
}
