package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.ChainCursor;
import io.wasmhive.platform.chainwatch.ChainCursorStore;
import io.wasmhive.platform.chainwatch.ChainRpcException;
import io.wasmhive.platform.chainwatch.MongoChainCursorStore;
import io.wasmhive.platform.testing.AnvilProcess;
import static io.wasmhive.indexer.chain.DevChain.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The watcher against a real anvil chain and the embedded MongoDB: each test deploys a fresh registry (so its
 * cursor is its own) and drives polls one at a time.
 */
@ServiceIntegrationTest
class ChainWatcherIntegrationTests {

  static AnvilProcess anvil;
  static DevChain chain;

  @Autowired
  MongoTemplate mongo;

  String registry;
  long deployBlock;

  @BeforeAll
  static void startChain() throws Exception {
    anvil = AnvilProcess.start();
    System.out.println("[anvil] listening after " + anvil.startupMillis() + " ms at " + anvil.url());
    chain = new DevChain(anvil.url());
  }

  @AfterAll
  static void stopChain() throws Exception {
    if (chain != null) {
      chain.close();
    }
    if (anvil != null) {
      anvil.close();
    }
  }

  @BeforeEach
  void deployRegistry() throws IOException {
    registry = chain.deployRegistry();
    deployBlock = chain.head();
  }

  @Test
  void eventsReachTheSinkOnceInChainOrderWithTheirFields() throws IOException {
    TransactionReceipt r1 = chain.create(registry, 0, id("alpha"), "bafkreialpha");
    TransactionReceipt r2 = chain.create(registry, 1, id("beta"), "QmBeta");
    TransactionReceipt r3 = chain.update(registry, 0, id("alpha"), "bafkreialpha2");
    RecordingSink sink = new RecordingSink();
    ChainWatcher watcher = watcher(source(registry), sink, 0, 2000, deployBlock);

    assertThat(watcher.pollOnce()).isEqualTo(3);
    assertThat(sink.accepted).containsExactly(
        new ModuleRegistered(id("alpha"), "bafkreialpha", chain.account(0), block(r1), r1.getTransactionHash(), logIndex(r1)),
        new ModuleRegistered(id("beta"), "QmBeta", chain.account(1), block(r2), r2.getTransactionHash(), logIndex(r2)),
        new ModuleUpdated(id("alpha"), "bafkreialpha", "bafkreialpha2", block(r3), r3.getTransactionHash(), logIndex(r3)));
    assertThat(cursors().load(key(registry))).contains(ChainCursor.afterBlock(chain.head()));

    assertThat(watcher.pollOnce()).isZero();
    assertThat(sink.accepted).hasSize(3);
  }

  @Test
  void revertedTransactionsEmitNothing() throws IOException {
    assertThat(chain.create(registry, 0, id("gamma"), "QmGamma").isStatusOK()).isTrue();
    assertThat(chain.create(registry, 1, id("gamma"), "QmDuplicate").isStatusOK()).isFalse();
    assertThat(chain.update(registry, 1, id("gamma"), "QmNotTheOwner").isStatusOK()).isFalse();
    assertThat(chain.update(registry, 0, id("unknown"), "QmUnknown").isStatusOK()).isFalse();
    assertThat(chain.create(registry, 0, id("empty"), "").isStatusOK()).isFalse();
    RecordingSink sink = new RecordingSink();

    watcher(source(registry), sink, 0, 2000, deployBlock).pollOnce();

    assertThat(sink.accepted).singleElement().isInstanceOfSatisfying(ModuleRegistered.class,
        e -> assertThat(e.ipfsHash()).isEqualTo("QmGamma"));
  }

  @Test
  void anEventWaitsUntilItHasItsConfirmations() throws IOException {
    chain.create(registry, 0, id("delta"), "QmDelta");
    RecordingSink sink = new RecordingSink();
    ChainWatcher watcher = watcher(source(registry), sink, 2, 2000, deployBlock);

    assertThat(watcher.pollOnce()).isZero();
    chain.mine(1);
    assertThat(watcher.pollOnce()).as("one confirmation of two").isZero();
    chain.mine(1);
    assertThat(watcher.pollOnce()).as("two confirmations").isEqualTo(1);
    assertThat(sink.accepted).extracting(RegistryEvent::id).containsExactly(id("delta"));
  }

  @Test
  void aRestartedWatcherNeitherSkipsNorRepeats() throws IOException {
    chain.create(registry, 0, id("e1"), "Qm1");
    chain.create(registry, 0, id("e2"), "Qm2");
    RecordingSink first = new RecordingSink();
    assertThat(watcher(source(registry), first, 0, 2000, deployBlock).pollOnce()).isEqualTo(2);
    chain.create(registry, 0, id("e3"), "Qm3");
    chain.update(registry, 0, id("e1"), "Qm1b");

    RecordingSink second = new RecordingSink();
    ChainWatcher restarted = watcher(source(registry), second, 0, 2000, deployBlock);
    assertThat(restarted.pollOnce()).isEqualTo(2);

    assertThat(second.accepted).extracting(RegistryEvent::id).containsExactly(id("e3"), id("e1"));
    assertThat(second.accepted.get(1)).isInstanceOf(ModuleUpdated.class);
  }

  @Test
  void aRefusedEventIsOfferedAgainNotSkippedAndNotRepeatedAfterwards() throws IOException {
    List<TransactionReceipt> sameBlock = twoCreatesInOneBlock("f1", "f2");
    chain.create(registry, 0, id("f3"), "Qmf3");
    RecordingSink sink = new RecordingSink(2);
    ChainWatcher watcher = watcher(source(registry), sink, 0, 2000, deployBlock);

    assertThatThrownBy(watcher::pollOnce).isInstanceOf(IllegalStateException.class).hasMessageContaining("refuses");
    assertThat(sink.accepted).extracting(RegistryEvent::id).containsExactly(id("f1"));
    assertThat(cursors().load(key(registry))).contains(new ChainCursor(block(sameBlock.get(0)), 0));

    assertThat(watcher.pollOnce()).isEqualTo(2);
    assertThat(sink.accepted).extracting(RegistryEvent::id).containsExactly(id("f1"), id("f2"), id("f3"));
    assertThat(sink.accepted).extracting(RegistryEvent::logIndex).startsWith(0L, 1L);
    assertThat(sink.offered).hasValue(4);
  }

  @Test
  void aWatcherRestartedAfterARefusalResumesInsideTheBlock() throws IOException {
    twoCreatesInOneBlock("g1", "g2");
    RecordingSink refusing = new RecordingSink(2);
    assertThatThrownBy(watcher(source(registry), refusing, 0, 2000, deployBlock)::pollOnce)
        .isInstanceOf(IllegalStateException.class);

    RecordingSink second = new RecordingSink();
    assertThat(watcher(source(registry), second, 0, 2000, deployBlock).pollOnce()).isEqualTo(1);
    assertThat(second.accepted).extracting(RegistryEvent::id).containsExactly(id("g2"));
  }

  @Test
  void rangesOfAtMostMaxBlockRangeAreRequested() throws IOException {
    RecordingLogSource source = new RecordingLogSource(source(registry));
    ChainWatcher watcher = watcher(source, new RecordingSink(), 0, 3, deployBlock + 1);
    long d = deployBlock;

    chain.mine(3);
    watcher.pollOnce();
    assertThat(source.ranges).as("exactly max-block-range blocks: one request")
        .containsExactly(new long[] {d + 1, d + 3});

    chain.mine(4);
    source.ranges.clear();
    watcher.pollOnce();
    assertThat(source.ranges).as("one block more: two requests")
        .containsExactly(new long[] {d + 4, d + 6}, new long[] {d + 7, d + 7});
  }

  @Test
  void eventsSpreadOverManyChunksArriveInOrder() throws IOException {
    chain.create(registry, 0, id("h1"), "Qmh1");
    chain.mine(3);
    chain.create(registry, 0, id("h2"), "Qmh2");
    chain.mine(1);
    chain.update(registry, 0, id("h1"), "Qmh1b");
    RecordingLogSource source = new RecordingLogSource(source(registry));
    RecordingSink sink = new RecordingSink();

    assertThat(watcher(source, sink, 0, 3, deployBlock + 1).pollOnce()).isEqualTo(3);

    assertThat(source.ranges).hasSize(3);
    assertThat(sink.accepted).extracting(RegistryEvent::id).containsExactly(id("h1"), id("h2"), id("h1"));
  }

  @Test
  void anotherContractsEventsAreIgnored() throws IOException {
    String other = chain.deployRegistry();
    chain.create(other, 0, id("shared"), "QmOther");
    chain.create(registry, 0, id("shared"), "QmMine");
    chain.create(other, 0, id("only-other"), "QmOnlyOther");
    RecordingSink sink = new RecordingSink();

    watcher(source(registry), sink, 0, 2000, deployBlock).pollOnce();

    assertThat(sink.accepted).singleElement().isInstanceOfSatisfying(ModuleRegistered.class,
        e -> assertThat(e.ipfsHash()).isEqualTo("QmMine"));
  }

  @Test
  void anUnreachableChainFailsThePollAndSavesNoCursor() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Web3j dead = Web3j.build(new HttpService("http://127.0.0.1:" + closedPort));
    RecordingSink sink = new RecordingSink();
    RegistryLogSource source = new Web3jRegistryLogSource(dead, registry, Retry.of("dead", ChainConfiguration.RPC_RETRY));
    try {
      assertThatThrownBy(watcher(source, sink, 0, 2000, deployBlock)::pollOnce)
          .isInstanceOf(ChainRpcException.class).hasMessageContaining("eth_chainId failed after 3 attempts");
    } finally {
      dead.shutdown();
    }
    assertThat(sink.offered).hasValue(0);
    assertThat(cursors().load(key(registry))).isEmpty();
  }

  private List<TransactionReceipt> twoCreatesInOneBlock(String a, String b) throws IOException {
    chain.automine(false);
    try {
      String tx1 = chain.sendCreate(registry, 0, id(a), "Qm" + a);
      String tx2 = chain.sendCreate(registry, 1, id(b), "Qm" + b);
      chain.mine(1);
      List<TransactionReceipt> receipts = List.of(chain.receipt(tx1), chain.receipt(tx2));
      assertThat(receipts).extracting(TransactionReceipt::getBlockNumber).containsOnly(receipts.get(0).getBlockNumber());
      return receipts;
    } finally {
      chain.automine(true);
    }
  }

  private ChainWatcher watcher(RegistryLogSource source, RegistryEventSink sink, int confirmations, int maxBlockRange,
      long startBlock) {
    ChainProperties properties = new ChainProperties(false, null, registry, confirmations, Duration.ofSeconds(1),
        maxBlockRange, startBlock, Duration.ofSeconds(1));
    return new ChainWatcher(source, cursors(), sink, properties);
  }

  private RegistryLogSource source(String address) {
    return new Web3jRegistryLogSource(chain.web3j, address, Retry.of("test", ChainConfiguration.RPC_RETRY));
  }

  private ChainCursorStore cursors() {
    return new MongoChainCursorStore(mongo, ChainCursorKey.COLLECTION, Clock.systemUTC());
  }

  private static ChainCursorKey key(String address) {
    return new ChainCursorKey(anvil.chainId(), address);
  }

  private static long block(TransactionReceipt receipt) {
    return receipt.getBlockNumber().longValueExact();
  }

  private static long logIndex(TransactionReceipt receipt) {
    return receipt.getLogs().get(0).getLogIndex().longValueExact();
  }
}
