package io.venvmux.examples.typed;

import io.venvmux.annotations.VenvModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The typed view of {@code typed_demo/shipping.py}. The annotation processor generates its client;
 * the worker runs on {@code python3} with {@code src/main/python} (relative to the working
 * directory, the examples folder) on its path.
 */
@VenvModule(value = "typed_demo.shipping", workerPaths = "src/main/python", workers = 1)
public interface Shipping {
  /** Python's {@code Priority("low")}: matched by name, ignoring case. */
  enum Priority {
    LOW,
    HIGH
  }

  /** A dataclass in Python; {@code unitPrice} is its field {@code unit_price}. */
  record Item(String sku, int quantity, BigDecimal unitPrice) {}

  record Order(
      UUID id,
      String customer,
      List<Item> items,
      Priority priority,
      LocalDate due,
      byte[] attachment) {}

  record Shipment(UUID orderId, int parcel, List<Item> items, LocalDate shipOn, byte[] label) {}

  /** Python: {@code plan_shipments(order=..., max_per_parcel=...)}. */
  List<Shipment> planShipments(Order order, int maxPerParcel);

  BigDecimal total(Order order);

  /** Python: {@code checksum(data=...)}, without waiting. */
  CompletableFuture<String> checksumAsync(byte[] data);
}
