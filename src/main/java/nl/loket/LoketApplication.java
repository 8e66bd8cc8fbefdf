package nl.loket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LoketApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoketApplication.class, args);
    }
}
