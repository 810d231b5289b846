/**
 * Which tenant owns which {@code X-Mindb-Database}: the first tenant to create a procedure in a database claims it
 * (collection {@code procedure_namespaces}), and only its members and administrators may use it afterwards.
 */
package io.wasmhive.procedure.tenancy;
