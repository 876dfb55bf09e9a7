package io.venvmux.examples.typed;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.VenvMux;
import io.venvmux.examples.typed.Shipping.Item;
import io.venvmux.examples.typed.Shipping.Shipment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The typed demo against a real worker: what it prints is what Python computed. */
class TypedDemoTest {
  @AfterEach
  void stopDefaultPool() {
    VenvMux.shutdown();
  }

  @Test
  void plansParcelsInPython() throws Exception {
    List<Shipment> shipments = TypedDemo.run();
    assertThat(shipments).extracting(Shipment::parcel).containsExactly(1, 2);
    assertThat(shipments.get(0).items())
        .containsExactly(new Item("bolt", 4, new BigDecimal("0.10")));
    assertThat(shipments.get(1).items())
        .containsExactly(
            new Item("bolt", 1, new BigDecimal("0.10")),
            new Item("nut", 3, new BigDecimal("0.05")));
    assertThat(shipments.get(0).shipOn()).isEqualTo(LocalDate.of(2026, 12, 22));
    assertThat(new String(shipments.get(1).label(), StandardCharsets.UTF_8))
        .isEqualTo("ACME/2 low");
  }
}
