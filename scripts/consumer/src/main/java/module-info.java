module com.example.consumer {
    requires dev.conclave.core;
}
