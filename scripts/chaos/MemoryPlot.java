import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws each service's RSS (solid) and heap after GC (dashed) over the minutes of a soak as a PNG; headless. */
final class MemoryPlot {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 560;
  private static final int LEFT = 70;
  private static final int RIGHT = 200;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd)};

  private MemoryPlot() {
  }

  static void draw(List<SoakReport.Series> series, Path png, String title) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int maxMinute = series.stream().mapToInt(s -> s.minutes().getLast()).max().orElse(1);
    long maxKib = series.stream().flatMap(s -> s.rss().stream()).mapToLong(Long::longValue).max().orElse(1);
    double maxMib = niceCeiling(maxKib / 1024.0 * 1.05);
    axes(g, Math.max(1, maxMinute), maxMib, title);
    for (int i = 0; i < series.size(); i++) {
      SoakReport.Series s = series.get(i);
      g.setColor(COLORS[i % COLORS.length]);
      line(g, s.minutes(), s.rss(), maxMinute, maxMib, new BasicStroke(2f));
      line(g, s.minutes(), s.heap(), maxMinute, maxMib, new BasicStroke(2f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      int y = TOP + 20 + i * 40;
      g.drawString(s.service(), WIDTH - RIGHT + 20, y);
      g.setFont(g.getFont().deriveFont(11f));
      g.drawString("solid RSS, dashed heap after GC", WIDTH - RIGHT + 20, y + 15);
      g.setFont(g.getFont().deriveFont(12f));
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void axes(Graphics2D g, int maxMinute, double maxMib, String title) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, LEFT, TOP - 15);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int x0 = LEFT;
    int y0 = HEIGHT - BOTTOM;
    g.drawLine(x0, y0, WIDTH - RIGHT, y0);
    g.drawLine(x0, y0, x0, TOP);
    int xStep = Math.max(1, maxMinute / 10);
    for (int m = 0; m <= maxMinute; m += xStep) {
      int x = x(m, maxMinute);
      g.drawLine(x, y0, x, y0 + 5);
      g.drawString(Integer.toString(m), x - 6, y0 + 20);
    }
    g.drawString("minutes", (LEFT + WIDTH - RIGHT) / 2 - 20, HEIGHT - 12);
    for (int i = 0; i <= 5; i++) {
      double mib = maxMib * i / 5;
      int y = y(mib, maxMib);
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(x0 + 1, y, WIDTH - RIGHT, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format("%.0f", mib), 10, y + 4);
    }
    g.drawString("MiB", 10, TOP - 15);
  }

  private static void line(Graphics2D g, List<Integer> minutes, List<Long> kib, int maxMinute, double maxMib,
      BasicStroke stroke) {
    g.setStroke(stroke);
    for (int i = 1; i < minutes.size(); i++) {
      g.drawLine(x(minutes.get(i - 1), maxMinute), y(kib.get(i - 1) / 1024.0, maxMib), x(minutes.get(i), maxMinute),
          y(kib.get(i) / 1024.0, maxMib));
    }
    g.setStroke(new BasicStroke(1f));
  }

  private static int x(int minute, int maxMinute) {
    return LEFT + (int) Math.round((double) minute / maxMinute * (WIDTH - LEFT - RIGHT));
  }

  private static int y(double mib, double maxMib) {
    return HEIGHT - BOTTOM - (int) Math.round(mib / maxMib * (HEIGHT - TOP - BOTTOM));
  }

  private static double niceCeiling(double value) {
    double step = Math.pow(10, Math.floor(Math.log10(value)));
    return Math.ceil(value / step) * step;
  }
}
