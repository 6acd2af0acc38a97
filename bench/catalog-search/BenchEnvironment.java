import bookstore.embedded.KafkaServer;
import bookstore.embedded.MongoServer;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The benchmark's generated catalogue, in two modes.
 *
 * <ul>
 *   <li>{@code servers N}: a real Kafka broker and the Mongo wire server, with N books written
 *       straight into the catalogue's collection (adding 100,000 books through the API would
 *       measure the write path for an hour instead of search). Prints the addresses, then
 *       "READY", and keeps the servers up until the process is killed.
 *   <li>{@code index N queries.lua SECONDS}: the same N books in the catalogue's own search index,
 *       in this process, and the query mix run against it for SECONDS on every core: the raw limit
 *       of search on this machine, without HTTP.
 *   <li>{@code http PORT FILE}: a bare reactor-netty server (the HTTP engine under WebFlux and the
 *       gateway) answering every request with the bytes of FILE, a real search response: the raw
 *       limit of HTTP on this machine, with no framework, security, observation or JSON writing.
 * </ul>
 *
 * <p>Books follow the catalogue's document shape (catalog-service BookDocument); half have Chinese
 * titles and authors, half English. ISBNs are valid 979-prefixed numbers, so never a real book's.
 */
public class BenchEnvironment {

    static final String[] ZH_WORDS = {
        "森林", "世界", "黑暗", "城市", "历史", "故事", "时间", "江湖", "宇宙", "夜晚", "海洋", "山河", "记忆", "少年", "人生",
        "春天", "秘密", "战争", "和平", "星空", "长安", "远方", "孤独", "火焰", "风雪", "花园", "梦想", "河流", "沙漠", "灯塔"
    };
    static final String[] ZH_SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    static final String[] ZH_GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "杰", "涛", "明", "超", "秀英", "慈欣", "小波", "春成"};
    static final String[] EN_ADJECTIVES = {
        "Dark", "Silent", "Lost", "Hidden", "Golden", "Broken", "Endless", "Secret", "Last", "Frozen",
        "Burning", "Distant", "Quiet", "Wild", "Forgotten"
    };
    static final String[] EN_NOUNS = {
        "Forest", "World", "City", "History", "Story", "River", "Ocean", "Night", "Memory", "Garden",
        "Winter", "Empire", "Shadow", "Kingdom", "Voyage", "Island", "Mountain", "Letter", "Machine", "Harvest"
    };
    static final String[] EN_FIRST = {"James", "Mary", "John", "Linda", "Robert", "Sarah", "Michael", "Emma", "David", "Olivia", "Kazuo", "Toni"};
    static final String[] EN_LAST = {"Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson", "Moore", "Clark", "Hall", "Young", "Ishiguro", "Morrison"};
    static final String[] CATEGORIES = {"Literature", "Science Fiction", "History", "Mystery", "Fantasy", "Popular Science", "Essays", "Classics"};
    static final String[] ZH_PUBLISHERS = {"人民文学出版社", "上海译文出版社", "译林出版社", "中信出版社", "南海出版公司"};
    static final String[] EN_PUBLISHERS = {"Penguin", "Vintage", "HarperCollins", "Scribner", "Macmillan"};

    public static void main(String[] args) throws Exception {
        if (args[0].equals("http")) {
            RawHttp.serve(Integer.parseInt(args[1]), java.nio.file.Path.of(args[2]));
            return;
        }
        int books = Integer.parseInt(args[1]);
        if (args[0].equals("index")) {
            InProcessSearch.run(books, java.nio.file.Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        KafkaServer kafka = KafkaServer.start();
        MongoServer mongo = MongoServer.start(0, null);
        String uri = mongo.connectionString("catalog");
        long started = System.nanoTime();
        try (MongoClient client = MongoClients.create(uri)) {
            generate(client.getDatabase("catalog").getCollection("books"), books);
        }
        System.out.printf("GENERATED %d books in %d ms%n", books, (System.nanoTime() - started) / 1_000_000);
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
        System.out.println("MONGODB_URI=" + uri);
        System.out.println("READY");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }));
        Thread.currentThread().join();
    }

    static java.util.stream.Stream<Document> books(int count) {
        Random random = new Random(42);
        Date now = new Date();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> book(i, random, now));
    }

    static void generate(MongoCollection<Document> collection, int count) {
        Random random = new Random(42);
        List<Document> batch = new ArrayList<>();
        Date now = new Date();
        for (int i = 0; i < count; i++) {
            batch.add(book(i, random, now));
            if (batch.size() == 1_000 || i == count - 1) {
                Mono.from(collection.insertMany(batch)).block();
                batch = new ArrayList<>();
            }
        }
    }

    static Document book(int i, Random random, Date now) {
        boolean chinese = i % 2 == 0;
        String title;
        String author;
        String publisher;
        String description;
        if (chinese) {
            title = pick(random, ZH_WORDS) + "的" + pick(random, ZH_WORDS) + (random.nextInt(3) == 0 ? pick(random, ZH_WORDS) : "");
            author = pick(random, ZH_SURNAMES) + pick(random, ZH_GIVEN);
            publisher = pick(random, ZH_PUBLISHERS);
            description = "一部关于" + pick(random, ZH_WORDS) + "与" + pick(random, ZH_WORDS) + "的小说，讲述了" + pick(random, ZH_WORDS) + "中的" + pick(random, ZH_WORDS) + "。";
        } else {
            title = "The " + pick(random, EN_ADJECTIVES) + " " + pick(random, EN_NOUNS)
                    + (random.nextInt(3) == 0 ? " of the " + pick(random, EN_NOUNS) : "");
            author = pick(random, EN_FIRST) + " " + pick(random, EN_LAST);
            publisher = pick(random, EN_PUBLISHERS);
            description = "A novel of " + pick(random, EN_NOUNS).toLowerCase() + " and " + pick(random, EN_NOUNS).toLowerCase()
                    + ", set in a " + pick(random, EN_ADJECTIVES).toLowerCase() + " " + pick(random, EN_NOUNS).toLowerCase() + ".";
        }
        int available = random.nextInt(10) == 0 ? 0 : random.nextInt(60);
        return new Document("_id", UUID.nameUUIDFromBytes(("bench-" + i).getBytes()).toString())
                .append("version", 0L)
                .append("isbn", isbn(i))
                .append("title", title)
                .append("authors", List.of(author))
                .append("translators", List.of())
                .append("publisher", publisher)
                .append("publicationDate", (1950 + random.nextInt(75)) + "-" + String.format("%02d", 1 + random.nextInt(12)))
                .append("language", chinese ? "zh" : "en")
                .append("categories", List.of(pick(random, CATEGORIES)))
                .append("pageCount", 80 + random.nextInt(900))
                .append("format", "PAPERBACK")
                .append("description", description)
                .append("price", new Document("amount", 1_000L + random.nextInt(200) * 100L).append("currency", "CNY"))
                .append("status", "ACTIVE")
                .append("stock", new Document("available", available).append("version", 0L))
                .append("unitsSold", (long) random.nextInt(5_000))
                .append("createdAt", now)
                .append("updatedAt", now)
                .append("pendingEvents", List.of());
    }

    /** The i-th generated ISBN: 979 1 followed by i, with its check digit; the benchmark queries some. */
    static String isbn(int i) {
        String twelve = "9791" + String.format("%08d", i);
        int sum = 0;
        for (int d = 0; d < 12; d++) {
            sum += (twelve.charAt(d) - '0') * (d % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

/** The query mix against the search index in this process, on every core, without HTTP. */
final class InProcessSearch {

    static void run(int count, java.nio.file.Path queries, int seconds) throws Exception {
        // No result cache: this is the raw cost of searching the index.
        var index = new bookstore.catalog.search.index.BookIndex(0);
        long started = System.nanoTime();
        List<bookstore.catalog.book.domain.Book> batch = new ArrayList<>();
        BenchEnvironment.books(count).forEach(document -> {
            batch.add(toBook(document));
            if (batch.size() == 1_000) {
                index.putAll(List.copyOf(batch));
                batch.clear();
            }
        });
        index.putAll(batch);
        System.out.printf("INDEXED %d books in %d ms%n", index.size(), (System.nanoTime() - started) / 1_000_000);

        List<bookstore.catalog.search.application.SearchCriteria> mix = java.nio.file.Files.readAllLines(queries).stream()
                .filter(line -> line.startsWith("  \"/api/books?"))
                .map(line -> criteria(line.substring(line.indexOf('?') + 1, line.lastIndexOf('"'))))
                .toList();
        int threads = Runtime.getRuntime().availableProcessors();
        // Warm-up as long as the measurement, on every core: C2 needs time on two cores.
        long warm = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.stream.IntStream.range(0, threads).parallel().forEach(t -> {
            for (int i = t; System.nanoTime() < warm; i++) {
                index.search(mix.get(i % mix.size()));
            }
        });
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perThread = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            workers.add(Thread.ofPlatform().start(() -> {
                long[] latencies = new long[2_000_000];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long begin = System.nanoTime();
                    index.search(mix.get((n + offset) % mix.size()));
                    latencies[n++] = System.nanoTime() - begin;
                }
                perThread.add(java.util.Arrays.copyOf(latencies, n));
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = perThread.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        System.out.printf(
                "in-process p50 %.2fms p99 %.2fms %.2f searches/s (%d threads)%n",
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length / (double) seconds, threads);
        index.close();
    }

    private static bookstore.catalog.search.application.SearchCriteria criteria(String query) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            p.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return new bookstore.catalog.search.application.SearchCriteria(
                p.get("q"),
                p.get("author"),
                p.get("category"),
                p.get("publisher"),
                p.get("language"),
                p.containsKey("minPrice") ? Long.valueOf(p.get("minPrice")) : null,
                p.containsKey("maxPrice") ? Long.valueOf(p.get("maxPrice")) : null,
                p.containsKey("inStock") ? Boolean.valueOf(p.get("inStock")) : null,
                bookstore.catalog.search.application.SortOrder.of(p.get("sort")),
                0,
                p.containsKey("size") ? Integer.parseInt(p.get("size")) : 20);
    }

    @SuppressWarnings("unchecked")
    private static bookstore.catalog.book.domain.Book toBook(Document d) {
        Document price = (Document) d.get("price");
        Document stock = (Document) d.get("stock");
        var details = new bookstore.catalog.book.domain.BookDetails(
                d.getString("title"),
                null,
                (List<String>) d.get("authors"),
                List.of(),
                d.getString("publisher"),
                bookstore.catalog.book.domain.PublicationDate.parse(d.getString("publicationDate")),
                d.getString("language"),
                (List<String>) d.get("categories"),
                d.getInteger("pageCount"),
                bookstore.catalog.book.domain.BookFormat.PAPERBACK,
                null,
                d.getString("description"),
                null);
        return bookstore.catalog.book.domain.Book.restore(
                new bookstore.catalog.book.domain.BookId(UUID.fromString(d.getString("_id"))),
                0,
                new bookstore.catalog.book.domain.Isbn(d.getString("isbn")),
                details,
                bookstore.catalog.book.domain.Money.cny(price.getLong("amount")),
                bookstore.catalog.book.domain.BookStatus.ACTIVE,
                new bookstore.catalog.book.domain.Availability(stock.getInteger("available"), 0),
                d.getLong("unitsSold"),
                d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant());
    }
}

/** Netty answering with fixed bytes: what HTTP alone costs here, the floor under every stage. */
final class RawHttp {

    static void serve(int port, java.nio.file.Path body) throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(body);
        var server = reactor.netty.http.server.HttpServer.create()
                .port(port)
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .sendByteArray(Mono.just(bytes)))
                .bindNow();
        System.out.println("READY");
        System.out.flush();
        server.onDispose().block();
    }
}
