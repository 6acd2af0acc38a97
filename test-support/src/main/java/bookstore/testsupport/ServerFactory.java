package bookstore.testsupport;

/** Starts each kind of server; the returned servers stop when the JVM exits. */
interface ServerFactory {

    RunningKafka startKafka();

    RunningPostgres startPostgres();

    RunningMongo startMongo();
}
