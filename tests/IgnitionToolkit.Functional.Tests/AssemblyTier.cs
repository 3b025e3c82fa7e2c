// Every test of this project is a functional test (make test-fast runs Category=Unit).
[assembly: AssemblyTrait("Category", "Functional")]
