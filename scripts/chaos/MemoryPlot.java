import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Draws a soak's memory over time as a PNG, headless: each service's RSS in the upper panel and its heap after GC in
 * the lower one, each panel on its own scale, minutes across.
 */
final class MemoryPlot {

  private static final int WIDTH = 1000;
  private static final int PANEL = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 50;
  private static final int GAP = 70;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd)};

  /** One panel's frame: its top edge and its scale. */
  private record Frame(int top, int maxMinute, double maxMib) {

    int x(int minute) {
      return LEFT + (int) Math.round((double) minute / maxMinute * (WIDTH - LEFT - RIGHT));
    }

    int y(double mib) {
      return top + PANEL - (int) Math.round(mib / maxMib * PANEL);
    }
  }

  private MemoryPlot() {
  }

  static void draw(List<SoakReport.Series> series, Path png, String title) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, TOP + 2 * PANEL + GAP + 50, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, 22);
    int maxMinute = Math.max(1, series.stream().mapToInt(s -> s.minutes().getLast()).max().orElse(1));
    panel(g, series, SoakReport.Series::rss, new Frame(TOP, maxMinute, scale(series, SoakReport.Series::rss)),
        "RSS (MiB)");
    panel(g, series, SoakReport.Series::heap, new Frame(TOP + PANEL + GAP, maxMinute,
        scale(series, SoakReport.Series::heap)), "heap used after a full GC (MiB)");
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < series.size(); i++) {
      g.setColor(COLORS[i % COLORS.length]);
      g.fillRect(WIDTH - RIGHT + 20, TOP + 10 + i * 22, 14, 4);
      g.drawString(series.get(i).service(), WIDTH - RIGHT + 40, TOP + 16 + i * 22);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static double scale(List<SoakReport.Series> series, Function<SoakReport.Series, List<Long>> values) {
    long maxKib = series.stream().flatMap(s -> values.apply(s).stream()).mapToLong(Long::longValue).max().orElse(1);
    double value = Math.max(1, maxKib / 1024.0 * 1.1);
    double step = Math.pow(10, Math.floor(Math.log10(value)));
    return Math.ceil(value / step) * step;
  }

  private static void panel(Graphics2D g, List<SoakReport.Series> series,
      Function<SoakReport.Series, List<Long>> values, Frame f, String label) {
    axes(g, f, label);
    for (int i = 0; i < series.size(); i++) {
      SoakReport.Series s = series.get(i);
      List<Long> kib = values.apply(s);
      g.setColor(COLORS[i % COLORS.length]);
      g.setStroke(new BasicStroke(2f));
      for (int j = 1; j < s.minutes().size(); j++) {
        g.drawLine(f.x(s.minutes().get(j - 1)), f.y(kib.get(j - 1) / 1024.0), f.x(s.minutes().get(j)),
            f.y(kib.get(j) / 1024.0));
      }
      g.setStroke(new BasicStroke(1f));
    }
  }

  private static void axes(Graphics2D g, Frame f, String label) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(Color.BLACK);
    g.drawString(label, LEFT, f.top() - 8);
    int bottom = f.top() + PANEL;
    g.drawLine(LEFT, bottom, WIDTH - RIGHT, bottom);
    g.drawLine(LEFT, bottom, LEFT, f.top());
    int step = Math.max(1, f.maxMinute() / 10);
    for (int m = 0; m <= f.maxMinute(); m += step) {
      g.drawLine(f.x(m), bottom, f.x(m), bottom + 5);
      g.drawString(Integer.toString(m), f.x(m) - 6, bottom + 20);
    }
    g.drawString("minutes", (LEFT + WIDTH - RIGHT) / 2 - 20, bottom + 36);
    for (int i = 0; i <= 5; i++) {
      double mib = f.maxMib() * i / 5;
      int y = f.y(mib);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(LEFT + 1, y, WIDTH - RIGHT, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%.0f", mib), 20, y + 4);
    }
  }
}
