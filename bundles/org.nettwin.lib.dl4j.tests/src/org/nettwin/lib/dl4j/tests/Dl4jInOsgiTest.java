package org.nettwin.lib.dl4j.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nettwin.lib.dl4j.Dl4j;

/** deeplearning4j really works inside Equinox through the wrapper bundle: backend, training, serialisation. */
class Dl4jInOsgiTest {

    static MultiLayerNetwork network(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(1).activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    @Test
    void trainsAndRoundTripsANetworkInsideTheFramework() throws Exception {
        assertTrue(Dl4j.insideOsgi(), "loaded from the wrapper bundle");
        Dl4j.call(() -> {
            // y = x0 * x1 on a grid: a small nonlinear regression
            int n = 64;
            double[][] x = new double[n][2];
            double[][] y = new double[n][1];
            for (int i = 0; i < n; i++) {
                x[i][0] = (i % 8) / 4.0 - 1;
                x[i][1] = (i / 8) / 4.0 - 1;
                y[i][0] = x[i][0] * x[i][1];
            }
            DataSet data = new DataSet(Nd4j.create(x), Nd4j.create(y));
            MultiLayerNetwork net = network(42);
            double before = net.score(data);
            for (int epoch = 0; epoch < 300; epoch++) {
                net.fit(data);
            }
            double after = net.score(data);
            assertTrue(after < before / 5, "MSE fell from " + before + " to " + after);

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(net, bytes, true);
            MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
            INDArray probe = Nd4j.create(new double[][] {{0.3, -0.7}});
            assertArrayEquals(net.output(probe).toDoubleVector(), back.output(probe).toDoubleVector(), 0.0);
            assertEquals(net.params(), back.params());
            return null;
        });
    }

    @Test
    void sameSeedSameInitialWeights() {
        double[] a = Dl4j.get(() -> network(7).params().toDoubleVector());
        double[] b = Dl4j.get(() -> network(7).params().toDoubleVector());
        assertArrayEquals(a, b, 0.0);
    }
}
