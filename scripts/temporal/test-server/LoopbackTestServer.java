import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Temporal's time-skipping test server, bound to the loopback address only. The stock main
 * (io.temporal.testserver.TestServer) binds every interface; test servers here must not be
 * reachable from outside the machine. Same services and health checks as the stock main, with
 * time skipping locked at start: the TypeScript SDK's test client unlocks it itself.
 * Usage: LoopbackTestServer <port>
 */
public final class LoopbackTestServer {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LoopbackTestServer <port>");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    TestServicesStarter services = new TestServicesStarter(true, 0L);
    ServerBuilder<?> builder = NettyServerBuilder.forAddress(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      services.close();
    }));
    server.awaitTermination();
  }
}
