package com.example.app;

import com.example.gen.Catalog;
import com.example.gen.Item;
import io.venvmux.VenvMux;
import java.util.List;

public class App {
  public static void main(String[] args) {
    Catalog catalog = VenvMux.bind(Catalog.class);
    System.out.println(catalog.greet("Ada"));
    System.out.println(catalog.greet("Ada", "?"));
    System.out.println(catalog.cheapest(List.of(new Item("book", 12.0), new Item("pen", 1.5))));
    VenvMux.shutdown(); // exec:java keeps the JVM: stop the workers before it returns
  }
}
