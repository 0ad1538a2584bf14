import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail SMTP server in its own process for the campaign benchmark: accepts every mail, keeps it in memory,
 * and writes how many it has received to a file every 250 ms so the script can see when all arrived.
 * Usage: java -cp GREENMAIL_CLASSPATH GreenMailServer.java PORT COUNT_FILE
 */
public class GreenMailServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        java.nio.file.Path countFile = java.nio.file.Path.of(args[1]);
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        System.out.println("GreenMail SMTP on port " + port);
        while (true) {
            int n = mail.getReceivedMessages().length;
            java.nio.file.Files.writeString(countFile.resolveSibling(countFile.getFileName() + ".tmp"), n + "\n");
            java.nio.file.Files.move(countFile.resolveSibling(countFile.getFileName() + ".tmp"), countFile,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(250);
        }
    }
}
