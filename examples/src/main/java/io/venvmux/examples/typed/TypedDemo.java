package io.venvmux.examples.typed;

import io.venvmux.VenvMux;
import io.venvmux.examples.typed.Shipping.Item;
import io.venvmux.examples.typed.Shipping.Order;
import io.venvmux.examples.typed.Shipping.Priority;
import io.venvmux.examples.typed.Shipping.Shipment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Typed remote calls: a Java record goes in and arrives in Python as a dataclass (with an enum, a
 * date, Decimals and bytes inside), a list of records comes back, and one call runs async.
 *
 * <p>Run it from the examples folder, where {@code src/main/python} holds the Python side: {@code
 * mvn -pl examples -am -Pdemo package -Ddemo.main=io.venvmux.examples.typed.TypedDemo}.
 */
public final class TypedDemo {
  private TypedDemo() {}

  public static void main(String[] args) throws Exception {
    if (!Files.isDirectory(Path.of("src/main/python/typed_demo"))) {
      System.err.println(
          "Run TypedDemo from the examples folder: Shipping's @VenvModule puts src/main/python,"
              + " relative to the working directory, on the worker's path.");
      System.exit(2);
    }
    try {
      run();
    } finally {
      VenvMux.shutdown();
    }
  }

  /** The demo itself; returns the shipments so a test can check them. */
  static List<Shipment> run() throws Exception {
    Shipping shipping = VenvMux.bind(Shipping.class);
    Order order =
        new Order(
            UUID.fromString("5f1c8a2e-0d1b-4c3e-9a7f-2b6d8e4f1a00"),
            "ACME",
            List.of(
                new Item("bolt", 5, new BigDecimal("0.10")),
                new Item("nut", 3, new BigDecimal("0.05"))),
            Priority.LOW,
            LocalDate.of(2026, 12, 24),
            "fragile".getBytes(StandardCharsets.UTF_8));

    CompletableFuture<String> checksum = shipping.checksumAsync(order.attachment());
    List<Shipment> shipments = shipping.planShipments(order, 4);
    for (Shipment s : shipments) {
      System.out.printf(
          "parcel %d ships %s: %s [%s]%n",
          s.parcel(), s.shipOn(), s.items(), new String(s.label(), StandardCharsets.UTF_8));
    }
    System.out.println("total: " + shipping.total(order));
    System.out.println("attachment sha256: " + checksum.get());
    return shipments;
  }
}
